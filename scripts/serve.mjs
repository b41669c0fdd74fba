#!/usr/bin/env node
// Static server for the demo: web/ at /, models/ at /models/, the one-file builds (dist/) at /dist/. No dependencies.
// Usage: node scripts/serve.mjs [--port N] [--csp] [--isolate]   (PORT env also sets the port; --csp sends a
// strict Content-Security-Policy, the one the widget promises to work under; --isolate makes pages
// cross-origin isolated (COOP + COEP), which lets the engine use threads)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.twm': 'application/octet-stream', '.spm': 'application/octet-stream' };
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";

// mounts: extra { '/prefix/': directory } routes (benchmarks serve the peer and generated files).
export function startServer({ port = Number(process.env.PORT) || 8080, csp = false, isolate = false, host = '127.0.0.1', mounts = {} } = {}) {
  const routes = { ...mounts, '/models/': join(root, 'models'), '/dist/': join(root, 'dist'), '/': join(root, 'web') };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file;
    if (path === '/' || path === '/index.html') {
      file = join(root, 'web', 'demo', 'index.html');
    } else {
      const prefix = Object.keys(routes).find((p) => path.startsWith(p));
      file = join(routes[prefix], normalize(path.slice(prefix.length)));
      if (!file.startsWith(routes[prefix])) file = null;
    }
    if (!file) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-cache' };
      if (csp) headers['content-security-policy'] = STRICT_CSP;
      if (isolate) Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;
  const server = await startServer({ port, csp: process.argv.includes('--csp'), isolate: process.argv.includes('--isolate') });
  console.log(`demo: http://localhost:${server.address().port}/`);
}
