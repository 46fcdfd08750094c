// Reading a Chromium trace (Tracing domain, JSON) of one page load, for bench/profile.mjs: the
// page's main thread, its tasks, script compile/evaluate events and the CPU profiler's samples.
// Trace timestamps are microseconds on the browser's monotonic clock; every function here takes
// and gives milliseconds since the page's navigation start (performance.now()'s zero).

/** The categories profile.mjs records: the timeline, V8's compiling, and the sampling profiler. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/**
 * The page's main thread and navigation start: the `navigationStart` mark of the document at
 * `pageUrl` names both (its renderer process, its thread, and the zero of performance.now()).
 */
export function pageThread(events, pageUrl) {
  const start = events.find(
    (event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL === pageUrl,
  );
  if (!start) throw new Error(`no navigationStart for ${pageUrl} in the trace`);
  const on = (event) => event.pid === start.pid && event.tid === start.tid;
  return { pid: start.pid, tid: start.tid, zero: start.ts, on, ms: (ts) => (ts - start.ts) / 1000 };
}

/** Complete ('X') events of the thread, as { name, start, end, args } in ms, sorted by start. */
function spans(events, thread, names) {
  return events
    .filter((event) => event.ph === 'X' && names.has(event.name) && thread.on(event))
    .map((event) => ({
      name: event.name,
      start: thread.ms(event.ts),
      end: thread.ms(event.ts + (event.dur ?? 0)),
      args: event.args,
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

const clip = (span, to) => Math.max(0, Math.min(span.end, to) - Math.max(span.start, 0));

/** Main-thread busy time: the thread's top-level tasks, clipped to [navigation start, `to`]. */
export function busyMs(events, thread, to) {
  return spans(events, thread, new Set(['RunTask'])).reduce((sum, task) => sum + clip(task, to), 0);
}

const ENTRIES = new Set(['EvaluateScript', 'FunctionCall']);
const COMPILES = new Set(['v8.compile', 'V8.CompileCode']);

/**
 * Per script URL, over [navigation start, `to`]:
 *  - `compile`: compiling the whole script before it runs (`v8.compile`; a streamed script was
 *    parsed off the main thread, this is what is left on it);
 *  - `evaluate`: running its top level (`EvaluateScript`, its compile included);
 *  - `lazyCompile`: compiling functions on their first call (`V8.CompileCode` outside
 *    `v8.compile`), charged to the script whose code was running (the innermost EvaluateScript or
 *    FunctionCall) — with Chromium's lazy compiling, most of a script's compiling is here;
 *  - `calls`: later tasks that call into it (`FunctionCall` not inside another script's run:
 *    timers, events, observers, animation frames).
 * A URL's code run from inside another script (a hooked DOM method called by a page script) shows
 * in the profile's samples, not here.
 */
export function scriptTimes(events, thread, to) {
  const times = new Map();
  const of = (url) => {
    if (!times.has(url)) times.set(url, { compile: 0, evaluate: 0, lazyCompile: 0, calls: 0 });
    return times.get(url);
  };
  const urlOf = (span) => span.args?.data?.url ?? span.args?.fileName;
  const stack = [];
  for (const span of spans(events, thread, new Set([...ENTRIES, ...COMPILES]))) {
    while (stack.length && stack.at(-1).end <= span.start) stack.pop();
    const inCompile = stack.some((open) => COMPILES.has(open.name));
    const entry = stack.findLast((open) => ENTRIES.has(open.name));
    if (span.name === 'EvaluateScript') of(urlOf(span)).evaluate += clip(span, to);
    else if (span.name === 'FunctionCall' && !entry) of(urlOf(span)).calls += clip(span, to);
    else if (span.name === 'v8.compile') of(urlOf(span)).compile += clip(span, to);
    else if (span.name === 'V8.CompileCode' && !inCompile && entry) {
      of(urlOf(entry)).lazyCompile += clip(span, to);
    }
    stack.push(span);
  }
  return times;
}

/**
 * When the thread was compiling JavaScript (whole scripts and functions on first call), as sorted,
 * disjoint [start, end] ms. The profiler charges that time to "(program)" or to a JavaScript frame
 * as it happens; profile.mjs takes it out of the samples and reports it per script instead.
 */
export function compiling(events, thread) {
  const merged = [];
  for (const span of spans(events, thread, COMPILES)) {
    const last = merged.at(-1);
    if (last && span.start <= last[1]) last[1] = Math.max(last[1], span.end);
    else merged.push([span.start, span.end]);
  }
  return merged;
}

/**
 * The sampling profiler's samples on the thread, up to `to` ms: { at, ms, stack, line, column }
 * each. `stack` is the sampled node's frames, innermost first ({ functionName, url, lineNumber,
 * columnNumber }, 0-based: where the function starts). `line`/`column` (0-based) is where the
 * innermost frame was, when the profiler recorded it (for JavaScript it does); else null. A
 * sample lasts until the next one.
 */
export function samples(events, thread, to) {
  const profile = events.find((event) => event.name === 'Profile' && thread.on(event));
  if (!profile) throw new Error('no CPU profile for the page’s thread in the trace');
  const chunks = events.filter(
    (event) => event.name === 'ProfileChunk' && event.pid === profile.pid && event.id === profile.id,
  );
  const nodes = new Map();
  const raw = [];
  let time = profile.args.data.startTime;
  for (const chunk of chunks) {
    const { cpuProfile = {}, timeDeltas = [], lines, columns } = chunk.args.data;
    for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
    (cpuProfile.samples ?? []).forEach((id, index) => {
      time += timeDeltas[index] ?? 0;
      // Positions are 1-based here (0 where there is none).
      const line = lines?.[index] ? lines[index] - 1 : null;
      const column = columns?.[index] ? columns[index] - 1 : null;
      raw.push({ id, ts: time, line, column });
    });
  }
  const stackOf = new Map();
  const stack = (id) => {
    if (!stackOf.has(id)) {
      const frames = [];
      for (let node = nodes.get(id); node; node = nodes.get(node.parent)) frames.push(node.callFrame);
      stackOf.set(id, frames);
    }
    return stackOf.get(id);
  };
  const result = [];
  for (let index = 0; index + 1 < raw.length; index += 1) {
    const at = thread.ms(raw[index].ts);
    const ms = (raw[index + 1].ts - raw[index].ts) / 1000;
    if (at < 0 || at >= to) continue;
    result.push({ at, ms, stack: stack(raw[index].id), line: raw[index].line, column: raw[index].column });
  }
  return result;
}
