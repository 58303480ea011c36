// `liteq eval --dets` writes the detections it evaluated as a COCO results file, and the official
// pycocotools (installed from pip into a venv under test/.cache on first use, offline on these
// machines) scores that file on the same images with the same AP, AP50, AP75 and AR100 as liteq's own
// evaluation, to 1e-9. A machine where pycocotools cannot be installed fails here; it does not skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the bench
import { ensureVenvAsync } from '../python-venv.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(here, '../../../shared');
const CLI = path.resolve(here, '../../packages/cli/bin/liteq.js');
const VENV = path.resolve(here, '../.cache/pycocotools-venv');

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
  it('pycocotools scores liteq\'s own detections of the shared set with the AP, AP50, AP75 and AR100 liteq reports, to 1e-9', async () => {
    const PY = await ensureVenvAsync(VENV, 'pycocotools', 'pycocotools.cocoeval');
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
