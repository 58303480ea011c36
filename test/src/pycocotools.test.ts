// `liteq eval --dets` writes the detections it evaluated as a COCO results file, and the official
// pycocotools (installed from pip into a venv under test/.cache on first use, offline on these
// machines) scores that file on the same images with the same AP, AP50, AP75 and AR100 as liteq's own
// evaluation, to 1e-9. A machine where pycocotools cannot be installed fails here; it does not skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(here, '../../../shared');
const CLI = path.resolve(here, '../../packages/cli/bin/liteq.js');
const VENV = path.resolve(here, '../.cache/pycocotools-venv');
const PY = path.join(VENV, 'bin', 'python');

function ensurePycocotools(): void {
  const ok = () => existsSync(PY) && spawnSync(PY, ['-c', 'import pycocotools.cocoeval'], { stdio: 'ignore' }).status === 0;
  if (ok()) return;
  mkdirSync(path.dirname(VENV), { recursive: true });
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' });
  if (venv.status !== 0) throw new Error(`python3 -m venv failed: ${venv.stderr || venv.error?.message}`);
  const pip = spawnSync(path.join(VENV, 'bin', 'pip'), ['install', '--retries', '0', '--timeout', '5', 'pycocotools'], { encoding: 'utf8' });
  if (pip.status !== 0 || !ok()) throw new Error(`pip could not install pycocotools: ${(pip.stderr || pip.stdout).trim().split('\n').slice(-3).join(' / ')}`);
}

const SCORE = `
import json, sys
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval
ann, dets, ids = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
gt = COCO(ann)
dt = gt.loadRes(dets)
e = COCOeval(gt, dt, 'bbox')
e.params.imgIds = ids
e.evaluate(); e.accumulate(); e.summarize()
print(json.dumps([float(x) for x in e.stats]))
`;

describe('liteq eval --dets against the official pycocotools', () => {
  it('pycocotools scores liteq\'s own detections of the shared set with the AP, AP50, AP75 and AR100 liteq reports, to 1e-9', () => {
    ensurePycocotools();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-pycoco-'));
    const dets = path.join(dir, 'dets.json');
    const r = spawnSync(
      process.execPath,
      [CLI, 'eval', path.join(SHARED, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite'), '--images', path.join(SHARED, 'data/coco/val2017'),
        '--annotations', path.join(SHARED, 'data/coco/instances_val2017_tiny.json'), '--dets', dets, '--json', '--threads', '2'],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const liteq = JSON.parse(r.stdout);
    const results = JSON.parse(readFileSync(dets, 'utf8'));
    expect(results.length).toBe(liteq.detections);
    expect(results.length).toBeGreaterThan(100);
    expect(Object.keys(results[0]).sort()).toEqual(['bbox', 'category_id', 'image_id', 'score']);
    const script = path.join(dir, 'score.py');
    writeFileSync(script, SCORE);
    const py = spawnSync(PY, [script, path.join(SHARED, 'data/coco/instances_val2017_tiny.json'), dets, JSON.stringify(liteq.image_ids)], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(py.status, py.stderr).toBe(0);
    const stats: number[] = JSON.parse(py.stdout.trim().split('\n').pop()!);
    // COCOeval.stats: AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl.
    const [AP, AP50, AP75, , , , , , AR100] = stats;
    expect(Math.abs(liteq.AP - AP!)).toBeLessThan(1e-9);
    expect(Math.abs(liteq.AP50 - AP50!)).toBeLessThan(1e-9);
    expect(Math.abs(liteq.AP75 - AP75!)).toBeLessThan(1e-9);
    expect(Math.abs(liteq.AR100 - AR100!)).toBeLessThan(1e-9);
    expect(AP).toBeGreaterThan(0.1);
  }, 600_000);
});
