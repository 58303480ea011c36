// The progress bar of long work: bytes mode shows sizes, the rate and the time left on a terminal,
// and a closing summary line on any stream; nothing is drawn when the stream is not a terminal.
import { describe, expect, it } from 'vitest';
import { createProgress, formatBytes } from './progress.js';

function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress', () => {
  it('formats bytes in decimal units', () => {
    expect([0, 999, 1000, 1_234_567, 2.5e9, 3e12].map(formatBytes)).toEqual(['0 B', '999 B', '1.0 kB', '1.2 MB', '2.5 GB', '3.0 TB']);
  });

  it('draws bytes, rate and time left on a terminal, then a summary', () => {
    const s = stream(true);
    const p = createProgress('quantizing', true, { bytes: true, summary: true }, s);
    p.update(500_000_000, 1_000_000_000);
    expect(s.text).toMatch(/quantizing \[#{15}-{15}\] 500\.0 MB of 1\.0 GB, [\d.]+ [kMGT]?B\/s, [\d.]+ s left/);
    p.done();
    expect(s.text).toMatch(/\r\x1b\[Kquantizing: 500\.0 MB \([\d.]+ s\)\n$/);
  });

  it('draws nothing but the summary when the stream is not a terminal', () => {
    const s = stream(false);
    const p = createProgress('writing', true, { bytes: true, summary: true }, s);
    p.update(10, 20);
    expect(s.text).toBe('');
    p.done();
    expect(s.text).toMatch(/^writing: 10 B \([\d.]+ s\)\n$/);
  });
});
