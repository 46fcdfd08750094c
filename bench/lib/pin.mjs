// CPU pinning for the gate benches (`--pin`, on by default where it can be done). Two ways:
//  - "main" (the default): each page's main thread — the renderer process's first thread, where
//    the page's code and Consentry run — gets the last core to itself; every other thread of the
//    renderers (IPC, V8's compiler and garbage-collector helpers), the browser process, its network
//    service and this Node process get the other cores, as on any machine with a few cores.
//  - "process": the renderer processes, all their threads, get the last core (2026-11-22 and
//    before). Their IPC thread (about 30 ms of CPU per 10,000 cookie writes) and V8's background
//    compiling then took turns with the main thread on one core, and counted in its wall time.
// Either way the network service is kept off the page's core: it applies cookie writes while the
// page makes them, and sharing a core with it stretched the same 10,000 writes from 30 to 300 ms of
// wall time, noise that no number of samples averaged away. Linux only (taskset, from
// util-linux); elsewhere it does nothing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/** The CPUs a thread may run on, as Linux lists them ("1", "0-2"). */
function allowedCpus(pid, tid = pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8').match(/^Cpus_allowed_list:\s*(\S+)/m)?.[1];
  } catch {
    return undefined; // The thread ended meanwhile.
  }
}

/** The threads of a process. */
function threadsOf(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

/** The pinning modes of `--pin` (besides "off"). */
export const PIN_MODES = ['main', 'process'];

/** `--pin main|process|off` ("on" is "main"): the mode to pin in, or null for none (or where pinning cannot be done). */
export function pinMode(value) {
  const mode = value === 'on' ? 'main' : value;
  if (mode === 'off') return null;
  if (!PIN_MODES.includes(mode))
    throw new Error(`--pin: "${value}" is none of ${[...PIN_MODES, 'off'].join(', ')}`);
  return canPin() ? mode : null;
}

/** How the processes were placed, for a bench's report. */
export function describePinning(mode) {
  if (mode === 'main') return "each page's main thread pinned to a core of its own";
  if (mode === 'process') return "the pages' renderer processes pinned to a core of their own";
  return 'processes not pinned';
}

/**
 * Pins as `mode` says (see the top of this file). Call after opening pages, since each new browser
 * context starts new renderers, and again before each measurement: a thread the main thread starts
 * later inherits its core. Returns how many renderer processes were pinned; throws if a thread is
 * not where it should be.
 */
export function pinRenderers(mode = 'main') {
  if (!PIN_MODES.includes(mode)) throw new Error(`--pin: "${mode}" is none of ${PIN_MODES.join(', ')}`);
  const last = String(CORES - 1);
  const others = CORES === 2 ? '0' : `0-${CORES - 2}`;
  const renderers = [];
  const pin = (id, cpus, allThreads = true) => {
    try {
      execFileSync('taskset', [...(allThreads ? ['-a'] : []), '-p', '-c', cpus, String(id)], {
        stdio: 'ignore',
      });
    } catch {
      // The process ended meanwhile.
    }
  };
  for (const { pid, args } of descendants()) {
    const renderer = args.includes('--type=renderer');
    if (renderer) renderers.push(pid);
    pin(pid, renderer && mode === 'process' ? last : others);
    // On Linux a process's first thread has the process's id: the renderer's main thread.
    if (renderer && mode === 'main') pin(pid, last, false);
  }
  pin(process.pid, others);
  for (const pid of renderers)
    for (const tid of threadsOf(pid)) {
      const cpus = allowedCpus(pid, tid);
      const want = tid === pid || mode === 'process' ? last : others;
      if (cpus !== undefined && cpus !== want)
        throw new Error(`--pin ${mode}: renderer ${pid}, thread ${tid} runs on CPUs ${cpus}, not ${want}`);
    }
  return renderers.length;
}
