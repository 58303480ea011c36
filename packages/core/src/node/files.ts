// Output files: written to a temporary name beside the target and renamed, so a crash or a full disk
// never leaves a half-written file under the real name; and never over one of the command's inputs.
import { randomBytes } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError } from '../errors.js';

function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // Not there yet: canonicalize the directory, keep the name.
    try {
      return path.join(realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}

/** Throws if `output` is one of `inputs` (after resolving links). */
export function assertNotInput(output: string, inputs: readonly string[]): void {
  const out = canonical(output);
  for (const i of inputs) {
    if (canonical(i) === out) throw new InvalidInputError(`refusing to write ${output}: it is an input of this command (inputs are never overwritten)`);
  }
}

// Temporary files being written right now, so that an interrupted process can remove them.
const pending = new Set<string>();

/**
 * Removes the temporary files of writes still in progress (synchronously: for a SIGINT/SIGTERM
 * handler that exits right after). The targets keep their previous content, or stay absent.
 */
export function removePendingTemporaryFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

/** Writes bytes atomically (temp file + rename), creating the directory; refuses to overwrite an input. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, inputs: readonly string[] = []): Promise<void> {
  assertNotInput(file, inputs);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}
