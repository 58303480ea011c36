// Issue 11: the page in real Chromium (Debian's, driven by playwright-core), served by `liteq serve`'s
// server: the shared SSD v2 uint8 and kite_and_cold.jpg give exactly the detections `liteq detect
// --json` prints; converting and quantizing the shared TF.js SSDLite in the page gives the CLI's bytes
// for the same calibration images; no request leaves localhost; a screenshot is kept.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiteqServer } from '../../packages/cli/dist/commands/serve.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const CLI = path.join(ROOT, 'packages/cli/bin/liteq.js');
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, '.test-results');
const SSD = 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite';
const IMAGE = 'data/images/coral_test_data/kite_and_cold.jpg';
const TFJS = path.join(SHARED, 'models/tfjs/ssdlite_mobilenet_v2_coco');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-page-'));
const server = createLiteqServer({ root: SHARED });
let base = '';
let browser: Browser;
const origins = new Set<string>();

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  return page;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the liteq page in Chromium', () => {
  it('detects with the URL parameters exactly what `liteq detect --json` prints, on the wasm backend', async () => {
    const page = await newPage();
    await page.goto(`${base}/?model=/files/${SSD}&image=/files/${IMAGE}&threshold=0.5`);
    await page.waitForSelector('#result:not([hidden])', { timeout: 120_000 });
    const result = JSON.parse((await page.textContent('#result'))!) as { backend: string; detections: unknown[]; latency_ms: number; error?: string };
    expect(result.error).toBeUndefined();
    expect(result.backend).toBe('wasm');
    expect(result.latency_ms).toBeGreaterThan(0);
    const cli = JSON.parse(execFileSync(process.execPath, [CLI, 'detect', path.join(SHARED, SSD), path.join(SHARED, IMAGE), '--json'], { encoding: 'utf8' }));
    expect(cli.images[0].detections.length).toBeGreaterThan(0);
    expect(result.detections).toEqual(cli.images[0].detections);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'page.png'), fullPage: true });
    await page.close();
  });

  it('converts and quantizes the TF.js SSDLite in a worker to the same bytes as the CLI', async () => {
    // Lossless calibration images, so the browser's decoder and sharp see the same pixels.
    const cal = path.join(tmp, 'calibration');
    mkdirSync(cal);
    const coco = path.join(SHARED, 'data/coco/val2017');
    for (const f of readdirSync(coco).filter((n) => n.endsWith('.jpg')).sort().slice(0, 3)) {
      await sharp(path.join(coco, f)).png().toFile(path.join(cal, f.replace(/\.jpg$/, '.png')));
    }
    const float = path.join(tmp, 'float.tflite');
    const quant = path.join(tmp, 'uint8.tflite');
    execFileSync(process.execPath, [CLI, 'convert', '--ssd', `--graph_def_file=${path.join(TFJS, 'model.json')}`, `--output_file=${float}`, '-q']);
    execFileSync(process.execPath, [CLI, 'quantize', float, '--scheme', 'uint8', '--calibration', cal, '-o', quant, '-q']);
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

    const page = await newPage();
    await page.goto(`${base}/`);
    const files = [...readdirSync(TFJS).filter((f) => f === 'model.json' || f.startsWith('group1-')).map((f) => path.join(TFJS, f)), ...readdirSync(cal).map((f) => path.join(cal, f))];
    await page.setInputFiles('#files', files);
    await page.waitForSelector('#convert:not([disabled])', { timeout: 60_000 });
    await page.selectOption('#scheme', 'uint8');
    await page.click('#convert');
    // Both downloads, or the page's error line (then fail at once with its text).
    await page.waitForSelector('a.download:nth-of-type(2), #status p.error', { timeout: 280_000 });
    expect(await page.$eval('#status', (e) => e.querySelector('p.error')?.textContent ?? null)).toBeNull();
    // The page shows each download's SHA-256 (computed over the very bytes of the download link).
    const hashes = await page.$$eval('a.download', (links) => links.map((a) => (a as HTMLAnchorElement).dataset['sha256']));
    expect(hashes).toEqual([sha(float), sha(quant)]);
    // Then both models side by side on the dropped images, with the per-layer SQNR chart.
    await page.waitForSelector('#chart svg', { timeout: 120_000 });
    expect(await page.locator('#views figure').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#status .error').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'page-convert.png'), fullPage: true });
    await page.close();
  }, 300_000);

  it('made no request outside localhost', () => {
    expect(origins.size).toBeGreaterThan(0);
    expect([...origins].filter((o) => !o.startsWith('http://127.0.0.1:') && !o.startsWith('blob:') && o !== 'null')).toEqual([]);
  });
});

