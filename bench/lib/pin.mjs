// CPU pinning for the gate bench (`--pin`, on by default where it can be done): the pages'
// renderer processes get the last core, and everything else this bench started — the browser
// process, its network service, this Node process — the other cores. On a small machine the
// browser's network service applies cookie writes while the page makes them; sharing a core with
// it stretched the same 10,000 writes from 30 to 300 ms of wall time, noise that no number of
// samples averaged away. Linux only (taskset, from util-linux); elsewhere it does nothing.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Whether pinning can be done here. */
export function canPin() {
  if (process.platform !== 'linux' || availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every process started by this one (the browser and its children), with its command line. */
function descendants() {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter(Boolean)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args }));
  const found = [];
  const parents = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows)
      if (parents.has(row.ppid) && !parents.has(row.pid)) {
        parents.add(row.pid);
        found.push(row);
        grew = true;
      }
  }
  return found;
}

/**
 * Pins the renderers (`--type=renderer`) to the last core and the rest to the others, threads
 * included. Call after opening pages: each new browser context starts new renderers.
 * Returns how many renderer processes were pinned.
 */
export function pinRenderers() {
  const last = availableParallelism() - 1;
  const others = last === 1 ? '0' : `0-${last - 1}`;
  let renderers = 0;
  const pin = (pid, cpus) => {
    try {
      execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
    } catch {
      // The process ended meanwhile.
    }
  };
  for (const { pid, args } of descendants()) {
    const renderer = args.includes('--type=renderer');
    if (renderer) renderers += 1;
    pin(pid, renderer ? String(last) : others);
  }
  pin(process.pid, others);
  return renderers;
}
