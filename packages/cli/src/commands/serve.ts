// `liteq serve`: the browser page (@liteq/web's built page: inspect, detect, compare, convert and
// quantize in a tab, on the WebAssembly backend) on a local HTTP server, with the files under --root
// at /files/… (a path that resolves outside the root is refused). Nothing is fetched from elsewhere:
// the page's Content-Security-Policy allows this origin only.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from 'commander';
import { positiveInt } from '../options.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.config': 'text/plain; charset=utf-8',
  '.pbtxt': 'text/plain; charset=utf-8',
};

/** The page's own origin only; WebAssembly compilation and the worker are allowed from it. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; img-src 'self' blob: data:; " +
  "style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Where @liteq/web's built page is. */
export function pageDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@liteq/web/package.json')), 'dist', 'page');
}

/** The file under `base` for a URL path, or undefined when it would leave `base` (after links). */
async function inside(base: string, urlPath: string): Promise<string | undefined> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (rel.includes('\0')) return undefined;
  const root = await realpath(base);
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return candidate.startsWith(root + path.sep) || candidate === root ? candidate : undefined;
  }
  return real === root || real.startsWith(root + path.sep) ? real : undefined;
}

export interface ServeOptions {
  root: string;
  page?: string;
}

/** An HTTP server for the page (at /) and the files under root (at /files/…). */
export function createLiteqServer(opts: ServeOptions): http.Server {
  const page = opts.page ?? pageDir();
  return http.createServer(async (req, res) => {
    const send = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY });
      res.end(`${text}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'only GET and HEAD');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isFile = url.pathname.startsWith('/files/');
    const base = isFile ? opts.root : page;
    const rel = isFile ? url.pathname.slice('/files/'.length) : url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const file = await inside(base, rel);
    if (!file) return send(403, `forbidden: ${url.pathname} is outside ${isFile ? 'the served root' : 'the page'}`);
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) return send(404, `not found: ${url.pathname}`);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': st.size,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the liteq page (inspect, detect, compare, convert and quantize in a browser, on WebAssembly) and the files under --root at /files/')
    .option('--root <dir>', 'directory served at /files/ (nothing outside it)', '.')
    .option('--port <n>', 'port', positiveInt, 8080)
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { root: string; port: number; host: string }) => {
      const server = createLiteqServer({ root: path.resolve(opts.root) });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, opts.host, resolve);
      });
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      process.stdout.write(`liteq page: http://${opts.host}:${port}/  (files under ${path.resolve(opts.root)} at /files/; Ctrl-C stops)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
