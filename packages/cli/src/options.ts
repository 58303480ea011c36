// Option value parsers shared by every command (commander calls them with the raw string; a bad value
// is a usage error naming the flag).
import { InvalidArgumentError } from 'commander';

export function parseThreads(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('threads must be an integer from 1 to 256');
  return n;
}

export function parseThreshold(v: string): number {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('threshold must be a number from 0 to 1');
  return n;
}

export function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

export function number(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
}

/** Comma-separated, trimmed, empty entries dropped. */
export const list = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);

export function numbers(v: string): number[] {
  const out = list(v).map(Number);
  if (!out.length || out.some((n) => !Number.isFinite(n))) throw new InvalidArgumentError('expected comma-separated numbers');
  return out;
}

export function choice<T extends string>(values: readonly T[]) {
  return (v: string): T => {
    if (!values.includes(v as T)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return v as T;
  };
}

export function bool(v: string): boolean {
  if (/^(true|1|yes)$/i.test(v)) return true;
  if (/^(false|0|no)$/i.test(v)) return false;
  throw new InvalidArgumentError('expected true or false');
}

export type BackendName = 'native' | 'wasm';

/** `--backend native|wasm`: forces one backend (default: LITEQ_BACKEND, else native where it loads, else wasm). */
export const BACKEND_FLAG = ['--backend <name>', 'native | wasm (default: $LITEQ_BACKEND, else native where it loads, else wasm)', choice(['native', 'wasm'] as const)] as const;

/** `--max-memory 512M`: bytes with an optional K/M/G/T suffix (powers of 1024; "0" = no limit). */
export function parseBytes(v: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(v);
  if (!m) throw new InvalidArgumentError('expected a byte count such as 1073741824, 512M or 2G (0 = no limit)');
  const n = Math.floor(Number(m[1]) * 1024 ** ' kmgt'.indexOf((m[2] || ' ').toLowerCase()));
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('byte count too large');
  return n;
}

/** `--max-memory BYTES`: what loading a model may allocate in the backend (core's `maxMemory`). */
export const MAX_MEMORY_FLAG = ['--max-memory <bytes>', 'most memory a loaded model may take (arena, constants, scratch), e.g. 512M or 2G; 0 = no limit (default: half the RAM)', parseBytes] as const;

/** The runtime options for core calls (backend, memory limit), when the flags were given. */
export const runtimeOpts = (o: { backend?: BackendName | undefined; maxMemory?: number | undefined }): { backend?: BackendName; maxMemory?: number } => ({
  ...(o.backend ? { backend: o.backend } : {}),
  ...(o.maxMemory !== undefined ? { maxMemory: o.maxMemory } : {}),
});
