// A small static server for the demo and the end-to-end tests. No dependencies.
//   /            → demo/
//   /dist/…      → dist/ (the built files, exactly as a site would host them)
//   /e2e/…       → e2e/pages/ (test pages); /node_modules/{preact,js-cookie}/ for the npm-build test page
//   /__log/KEY   → a consent-log endpoint for tests: POST stores, GET lists, POST /__log/KEY/fail?n=N fails the next N
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mounts = [
  ['/dist/', join(root, 'dist')],
  ['/e2e/', join(root, 'e2e', 'pages')],
  ['/fakes/', join(root, 'e2e', 'fakes')],
  // The npm build's peer dependencies, for the test page that imports dist/index.js as an app would.
  ['/node_modules/preact/', join(root, 'node_modules', 'preact')],
  ['/node_modules/js-cookie/', join(root, 'node_modules', 'js-cookie')],
  ['/', join(root, 'demo')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const logs = new Map();
const failures = new Map();

function consentLog(request, response, key, rest) {
  if (request.method === 'POST' && rest === 'fail') {
    const count = Number(new URL(request.url, 'http://x').searchParams.get('n') ?? '1');
    failures.set(key, count);
    response.writeHead(204).end();
    return;
  }
  if (request.method === 'POST') {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const fail = failures.get(key) ?? 0;
      if (fail > 0) {
        failures.set(key, fail - 1);
        response.writeHead(503, { 'access-control-allow-origin': '*' }).end();
        return;
      }
      const list = logs.get(key) ?? [];
      list.push(body);
      logs.set(key, list);
      response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    });
    return;
  }
  response.writeHead(200, { 'content-type': types['.json'], 'cache-control': 'no-store' });
  response.end(JSON.stringify(logs.get(key) ?? []));
}

const merge = (base, extra) =>
  base && extra && typeof base === 'object' && typeof extra === 'object' && !Array.isArray(extra)
    ? Object.fromEntries(
        [...new Set([...Object.keys(base), ...Object.keys(extra)])].map((key) => [
          key,
          merge(base[key], extra[key]),
        ]),
      )
    : (extra ?? base);

/**
 * Test pages that differ from a base page only in their settings or a line of <head> are not
 * copied: `variants.json` beside the base page describes them, and they are made here.
 */
function variantPage(file) {
  const list = join(dirname(file), 'variants.json');
  if (!file.endsWith('.html') || !existsSync(list)) return undefined;
  const spec = JSON.parse(readFileSync(list, 'utf8'))[basename(file, '.html')];
  if (!spec) return undefined;
  let html = readFileSync(join(dirname(file), spec.base), 'utf8');
  html = html.replace(
    /(<script type="application\/json" id="consentry-settings">)([\s\S]*?)(<\/script>)/,
    (_, open, json, close) => `${open}${JSON.stringify(merge(JSON.parse(json), spec.settings))}${close}`,
  );
  html = html.replace(/<title>[^<]*<\/title>/, `${spec.head ?? ''}<title>${spec.title}</title>`);
  if (spec.scriptAttributes) {
    html = html.replace(
      '<script src="/dist/consentry.min.js">',
      `<script src="/dist/consentry.min.js" ${spec.scriptAttributes}>`,
    );
  }
  return html;
}

function serveFile(request, response) {
  const { pathname } = new URL(request.url, 'http://localhost');
  const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
  if (!mount) return notFound(response);
  const [prefix, dir] = mount;
  let file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
  if (!file.startsWith(dir)) return notFound(response);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    const variant = variantPage(file);
    if (variant === undefined) return notFound(response);
    response.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-cache' });
    return response.end(variant);
  }
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(response);
}

function notFound(response) {
  response.writeHead(404, { 'content-type': types['.txt'] }).end('Not found');
}

export function startServer(port = 0, host = '127.0.0.1') {
  const server = createServer((request, response) => {
    const match = /^\/__log\/([\w-]+)(?:\/(\w+))?/.exec(request.url ?? '');
    if (match) return consentLog(request, response, match[1], match[2]);
    return serveFile(request, response);
  });
  return new Promise((resolvePromise) => server.listen(port, host, () => resolvePromise(server)));
}
