// Progress of long work on stderr: a one-line bar on a TTY, redrawn at most every 100 ms and erased at
// the end; with `summary`, a closing line "label: done/total unit (s)" on any stream. With `bytes`,
// counts are bytes, shown as MB/GB with the rate and the time left.

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

export interface ProgressOptions {
  /** Unit after the counts, e.g. "images". */
  unit?: string;
  /** Print "label: done/total unit (x.x s)" when done (TTY or not). */
  summary?: boolean;
  /** Counts are bytes: "1.2/4.0 GB 2.1 GB/s 1.4 s left". */
  bytes?: boolean;
}

/** 1234567 → "1.2 MB" (decimal units, as disk sizes are quoted). */
export function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return `${u === 0 ? n.toFixed(0) : n.toFixed(1)} ${units[u]}`;
}

export function createProgress(label: string, enabled = true, opts: ProgressOptions = {}, stream: NodeJS.WriteStream = process.stderr): Progress {
  const active = enabled && Boolean(stream.isTTY);
  const start = Date.now();
  const unit = opts.unit ? ` ${opts.unit}` : '';
  let last = 0;
  let shown = false;
  let counts: [number, number] | undefined;
  return {
    update(done, total) {
      counts = [done, total];
      if (!active) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : 0;
      const rate = done / Math.max(1e-3, (now - start) / 1000);
      const shownCounts = opts.bytes
        ? `${formatBytes(done)} of ${formatBytes(total)}, ${formatBytes(rate)}/s, ${rate > 0 ? ((total - done) / rate).toFixed(1) : '?'} s left`
        : `${done}/${total}${unit} ${rate.toFixed(1)}/s`;
      stream.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${shownCounts}`);
      shown = true;
    },
    done() {
      if (active && shown) stream.write('\r\x1b[K');
      shown = false;
      if (enabled && opts.summary && counts) {
        const what = opts.bytes ? formatBytes(counts[0]) : `${counts[0]}/${counts[1]}${unit}`;
        stream.write(`${label}: ${what} (${((Date.now() - start) / 1000).toFixed(1)} s)\n`);
      }
    },
  };
}
