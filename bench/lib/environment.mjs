import os from 'node:os';

/**
 * What a bench run was measured on, printed at its top and kept in its JSON: other work on the
 * machine spreads the numbers, so the load average is there for a reader to judge a run.
 */
export function describeEnvironment(browser, title, settings) {
  const environment = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
    ...settings,
  };
  console.log(`# ${title} — ${environment.date}`);
  console.log(
    `Chromium ${environment.chromium} · ${environment.cpu} (${environment.cores} cores) · Node ${environment.node} · load average ${environment.loadAverage.join(' ')}`,
  );
  return environment;
}
