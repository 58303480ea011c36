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
