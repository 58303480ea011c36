// Whole-file reads past Node's 2 GiB readFile limit (TFLite files over 2 GB keep their tensor data
// after the flatbuffer): one buffer of the file's size, filled in 1 GiB reads. Files over 4 GiB (Node's
// largest buffer) get a typed error naming the file.
import { constants } from 'node:buffer';
import { open } from 'node:fs/promises';
import { InvalidInputError } from '../errors.js';

const CHUNK = 2 ** 30;

export async function readFileLarge(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw new InvalidInputError(`${path}: is a directory, not a file`);
    const { size } = st;
    if (size > constants.MAX_LENGTH) throw new InvalidInputError(`${path}: ${size} bytes is more than one buffer can hold here (${constants.MAX_LENGTH})`);
    const out = new Uint8Array(size);
    for (let pos = 0; pos < size; ) {
      const { bytesRead } = await fh.read(out, pos, Math.min(CHUNK, size - pos), pos);
      if (bytesRead === 0) throw new InvalidInputError(`${path}: the file shrank while it was read (${pos} of ${size} bytes)`);
      pos += bytesRead;
    }
    return out;
  } finally {
    await fh.close();
  }
}
