import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskSpaceError, InvalidInputError } from '../errors.js';
import { assertFreeSpace, removePendingTemporaryFiles, writeFileAtomic } from './files.js';

describe('writeFileAtomic', () => {
  it('writes the bytes under the final name and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-files-'));
    const out = path.join(dir, 'sub', 'model.tflite');
    await writeFileAtomic(out, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(out)]).toEqual([1, 2, 3]);
    expect(readdirSync(path.dirname(out))).toEqual(['model.tflite']);
  });

  it('refuses to overwrite an input, also through a symlink, and leaves it intact', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-files-'));
    const input = path.join(dir, 'in.pb');
    writeFileSync(input, 'original');
    const link = path.join(dir, 'link.pb');
    symlinkSync(input, link);
    await expect(writeFileAtomic(input, 'x', [input])).rejects.toThrow(InvalidInputError);
    await expect(writeFileAtomic(link, 'x', [input])).rejects.toThrow(/inputs are never overwritten/);
    expect(readFileSync(input, 'utf8')).toBe('original');
  });

  it('an interrupted write (what the CLI does on SIGINT) removes its temporary file and keeps the previous output', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-files-'));
    const out = path.join(dir, 'model.tflite');
    writeFileSync(out, 'previous');
    const writing = writeFileAtomic(out, new Uint8Array(256 << 20));
    let finished = false;
    const settled = writing.then(
      () => ((finished = true), 'done'),
      () => ((finished = true), 'failed'),
    );
    // The interrupt arrives while the write is under way: its temporary file exists.
    while (!finished && !readdirSync(dir).some((f) => f.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 0));
    expect(finished).toBe(false);
    removePendingTemporaryFiles();
    expect(readdirSync(dir)).toEqual(['model.tflite']);
    expect(await settled).toBe('failed');
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['model.tflite']);
  });
});

describe('assertFreeSpace', () => {
  it('refuses an output larger than the free space of its file system, naming the file and the amounts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-space-'));
    const file = path.join(dir, 'huge.tflite');
    await expect(assertFreeSpace(file, 1e18)).rejects.toThrow(DiskSpaceError);
    await expect(assertFreeSpace(file, 1e18)).rejects.toThrow(/huge\.tflite: needs 1000000000000\.0 MB, but only [\d.]+ MB are free/);
    await expect(assertFreeSpace(file, 1)).resolves.toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});
