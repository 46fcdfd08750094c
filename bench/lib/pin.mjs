// CPU pinning for the gate bench (`--pin`, on by default where it can be done): the pages'
// renderer processes get the last core, and everything else this bench started — the browser
// process, its network service, this Node process — the other cores. On a small machine the
// browser's network service applies cookie writes while the page makes them; sharing a core with
// it stretched the same 10,000 writes from 30 to 300 ms of wall time, noise that no number of
// samples averaged away. Linux only (taskset, from util-linux); elsewhere it does nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

// Counted once, before anything is pinned: availableParallelism() follows this process's own CPU
// affinity, and pinRenderers() pins this process to the other cores. Read again after the first
// pair of pages, it said 1, and every later pair's renderers were "pinned" to core 0, beside the
// browser and its network service (2026-11-22; found by reading their affinity back).
const CORES = availableParallelism();

/** Whether pinning can be done here. */
export function canPin() {
  if (process.platform !== 'linux' || CORES < 2) return false;
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

/** The CPUs a process may run on, as Linux lists them ("1", "0-2"). */
function allowedCpus(pid) {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8').match(/^Cpus_allowed_list:\s*(\S+)/m)?.[1];
  } catch {
    return undefined; // The process ended meanwhile.
  }
}

/**
 * Pins the renderers (`--type=renderer`) to the last core and the rest to the others, threads
 * included. Call after opening pages: each new browser context starts new renderers.
 * Returns how many renderer processes were pinned; throws if one of them is not where it should be.
 */
export function pinRenderers() {
  const last = String(CORES - 1);
  const others = CORES === 2 ? '0' : `0-${CORES - 2}`;
  const renderers = [];
  const pin = (pid, cpus) => {
    try {
      execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
    } catch {
      // The process ended meanwhile.
    }
  };
  for (const { pid, args } of descendants()) {
    const renderer = args.includes('--type=renderer');
    if (renderer) renderers.push(pid);
    pin(pid, renderer ? last : others);
  }
  pin(process.pid, others);
  for (const pid of renderers) {
    const cpus = allowedCpus(pid);
    if (cpus !== undefined && cpus !== last)
      throw new Error(`--pin: renderer ${pid} runs on CPUs ${cpus}, not ${last}`);
  }
  return renderers.length;
}
