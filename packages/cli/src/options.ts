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

/** The backend option for core calls, when the flag was given. */
export const backendOpt = (b: BackendName | undefined): { backend?: BackendName } => (b ? { backend: b } : {});
