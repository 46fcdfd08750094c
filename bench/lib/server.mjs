// The benchmarks' own static server (scripts/server.mjs belongs to the e2e tests). No dependencies.
//   /bench/ping      → 204, for the gate's fetch benchmark
//   /bench/…         → bench/pages/
//   /dist/…          → dist/ (the built files, exactly as a site would host them)
//   /vendor/NAME/…   → node_modules/NAME/ for the peers being compared, nothing else
// Responses are uncompressed and never cached: byte counts come from the files themselves
// (see compress.mjs), and every run starts cold.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const PEERS = ['vanilla-cookieconsent', 'klaro', 'orejime'];
const mounts = [
  ['/bench/', join(ROOT, 'bench', 'pages')],
  ['/dist/', join(ROOT, 'dist')],
  ...PEERS.map((name) => [`/vendor/${name}/`, join(ROOT, 'node_modules', name)]),
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Maps a URL path to the file it serves, or undefined. */
export function fileFor(pathname) {
  const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
  if (!mount) return undefined;
  const [prefix, dir] = mount;
  const file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
  if (!file.startsWith(dir)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

const CONTENT = join(ROOT, 'bench', 'pages', '_content.html');

function handle(request, response) {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === '/bench/ping') {
    response.writeHead(204, { 'cache-control': 'no-store' }).end();
    return;
  }
  const file = fileFor(pathname);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  // Every library's page shares one body (bench/pages/_content.html), so they differ only in the library.
  const body = file.endsWith('.html')
    ? Buffer.from(readFileSync(file, 'utf8').replace('<!-- content -->', () => readFileSync(CONTENT, 'utf8')))
    : readFileSync(file);
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  response.end(body);
}

/** @returns {Promise<{ server: import('node:http').Server, origin: string }>} */
export function startBenchServer() {
  const server = createServer(handle);
  server.keepAliveTimeout = 60_000;
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      done({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}
