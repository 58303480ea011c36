// `liteq serve`: the page at /, the files under --root at /files/, nothing outside the root, and a
// Content-Security-Policy that allows this origin only.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createLiteqServer } from './commands/serve.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-serve-'));
const root = path.join(tmp, 'root');
const page = path.join(tmp, 'page');
let base = '';
const server = createLiteqServer({ root, page });

beforeAll(async () => {
  mkdirSync(path.join(root, 'models'), { recursive: true });
  mkdirSync(page);
  writeFileSync(path.join(root, 'models', 'a.tflite'), 'TFL3');
  writeFileSync(path.join(tmp, 'secret.txt'), 'TOP-SECRET-CONTENT');
  symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'link.txt'));
  writeFileSync(path.join(page, 'index.html'), '<!doctype html><title>liteq</title>');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server.close());

async function get(p: string) {
  // Raw paths (fetch would normalize ../ away): a plain HTTP request line.
  const http = await import('node:http');
  return new Promise<{ status: number; body: string; csp: string | undefined; type: string | undefined }>((resolve, reject) => {
    const req = http.request(`${base}/`, { path: p }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] as string | undefined, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('liteq serve', () => {
  it('serves the page at / with a same-origin Content-Security-Policy', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/<title>liteq<\/title>/);
    expect(r.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(r.csp).not.toMatch(/https?:/);
  });

  it('serves files under the root at /files/', async () => {
    const r = await get('/files/models/a.tflite');
    expect(r.status).toBe(200);
    expect(r.body).toBe('TFL3');
    expect((await get('/files/models/missing.tflite')).status).toBe(404);
  });

  it('refuses every path that leaves the root, encoded or through a link', async () => {
    for (const p of ['/files/../secret.txt', '/files/%2e%2e/secret.txt', '/files/models/%2E%2E%2F..%2Fsecret.txt', '/files/link.txt', '/../secret.txt', '/files/%00']) {
      const r = await get(p);
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toContain('TOP-SECRET-CONTENT');
    }
    expect((await get('/files/link.txt')).status).toBe(403);
  });
});
