// Small statistics and formatting helpers shared by run.mjs and gate.mjs.

/** Median of numbers, ignoring null/undefined; null when there are none. */
export function median(values) {
  const sorted = values.filter((value) => value != null && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function max(values) {
  const list = values.filter((value) => value != null && Number.isFinite(value));
  return list.length ? Math.max(...list) : null;
}

/** Integer with thousands separators, or "—". */
export function int(value) {
  return value == null ? '—' : Math.round(value).toLocaleString('en-US');
}

export function fixed(value, digits = 1) {
  return value == null ? '—' : value.toFixed(digits);
}

/** Renders rows (arrays of strings) under headers as a Markdown table; numeric columns right-aligned. */
export function markdownTable(headers, rows, rightAligned = []) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const rule = headers.map((_, index) => (rightAligned.includes(index) ? '---:' : '---'));
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}

/** Parses `--name value` and `--name=value` flags. */
export function flag(name, fallback) {
  const args = process.argv.slice(2);
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] === `--${name}`) return args[index + 1];
    if (args[index].startsWith(`--${name}=`)) return args[index].slice(name.length + 3);
  }
  return fallback;
}

export function positiveInt(name, fallback) {
  const raw = flag(name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, got ${raw}`);
  return value;
}

/** The q-quantile (0…1) of numbers, linearly interpolated; null when there are none. */
export function quantile(values, q) {
  const sorted = values.filter((value) => value != null && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * A 95 % bootstrap interval for the median of `values` (percentile method, 2,000 resamples).
 * The generator is seeded, so the same samples always give the same interval.
 */
export function medianInterval(values, resamples = 2000) {
  const list = values.filter((value) => value != null && Number.isFinite(value));
  if (list.length === 0) return [null, null];
  let seed = 0x9e3779b9;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const medians = [];
  for (let round = 0; round < resamples; round += 1) {
    const sample = list.map(() => list[Math.floor(random() * list.length)]);
    medians.push(median(sample));
  }
  return [quantile(medians, 0.025), quantile(medians, 0.975)];
}
