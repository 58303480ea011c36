// A one-line progress bar on stderr: only on a TTY, redrawn at most every 100 ms, erased at the end.

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

export function createProgress(label: string, enabled = true, stream: NodeJS.WriteStream = process.stderr): Progress {
  const active = enabled && Boolean(stream.isTTY);
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!active) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : 0;
      const rate = done / Math.max(1e-3, (now - start) / 1000);
      stream.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(1)}/s`);
      shown = true;
    },
    done() {
      if (active && shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
