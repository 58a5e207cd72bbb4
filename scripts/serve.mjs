#!/usr/bin/env node
// nianbao — tiny static file server for the site (node's http module only, no deps).
// Usage: node scripts/serve.mjs [--dir DIR] [--port PORT]
//   DIR defaults to <repo>/build/site, PORT to 8080 (0 = any free port); binds 127.0.0.1 only.
//   Prints "nianbao: http://127.0.0.1:PORT/" once listening.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// Same policy as the <meta> in web/index.html; as a header it also covers the worker.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

function usage(msg) {
  if (msg) process.stderr.write(`nianbao serve: ${msg}\n`);
  process.stderr.write('usage: scripts/serve [--dir DIR] [--port PORT]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dir: path.join(repo, 'build', 'site'), port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let key = a;
    let val;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { key = a.slice(0, eq); val = a.slice(eq + 1); }
    if (key === '-h' || key === '--help') usage();
    if (key !== '--dir' && key !== '--port') usage(`unknown argument: ${a}`);
    if (val === undefined) {
      if (i + 1 >= argv.length) usage(`${key} needs a value`);
      val = argv[++i];
    }
    if (key === '--dir') opts.dir = path.resolve(val);
    else {
      if (!/^\d+$/.test(val) || Number(val) > 65535) usage(`bad port: ${val}`);
      opts.port = Number(val);
    }
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
let root;
try {
  root = fs.realpathSync(opts.dir);
  if (!fs.statSync(root).isDirectory()) throw new Error('not a directory');
} catch {
  process.stderr.write(`nianbao serve: no such directory: ${opts.dir} (run scripts/build first)\n`);
  process.exit(2);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

// Maps a URL path to a file under root, or null (never outside root, symlinks included).
function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  let file = path.join(root, ...parts);
  try {
    let real = fs.realpathSync(file);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    let st = fs.statSync(real);
    if (st.isDirectory()) {
      real = fs.realpathSync(path.join(real, 'index.html'));
      if (!real.startsWith(root + path.sep)) return null;
      st = fs.statSync(real);
    }
    return st.isFile() ? { file: real, size: st.size } : null;
  } catch {
    return null;
  }
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let pathname;
  try {
    pathname = new URL(req.url, `http://${HOST}`).pathname;
  } catch {
    send(res, 400, 'bad request\n');
    return;
  }
  const found = resolveFile(pathname);
  if (!found) {
    send(res, 404, 'not found\n');
    return;
  }
  const type = MIME[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': found.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': CSP,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
});

server.on('error', (e) => {
  process.stderr.write(`nianbao serve: ${e.code === 'EADDRINUSE' ? `port ${opts.port} is in use` : e.message}\n`);
  process.exit(1);
});

server.listen(opts.port, HOST, () => {
  const { port } = server.address();
  process.stdout.write(`nianbao: http://${HOST}:${port}/\n`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
