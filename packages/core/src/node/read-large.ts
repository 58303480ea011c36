// Whole-file reads past Node's 2 GiB readFile limit (TFLite files over 2 GB keep their tensor data
// after the flatbuffer): one ArrayBuffer of the file's size, filled in 1 GiB reads. Up to 4 GiB the
// result is a plain Uint8Array; past that (Node's largest typed array) a LargeFile (formats/file-bytes.ts),
// whose parts readTflite views. Given a backend's mapping, a file of MAP_FROM bytes or more is mapped
// instead of read (no copy: its pages come from the page cache and can be dropped again).
import { open } from 'node:fs/promises';
import { InvalidInputError } from '../errors.js';
import { fileBytes } from '../formats/file-bytes.js';

const CHUNK = 2 ** 30;
export const MAP_FROM = 2 ** 28;

export async function readFileLarge(path: string, map?: (path: string) => ArrayBuffer | ArrayBuffer[]): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw new InvalidInputError(`${path}: is a directory, not a file`);
    const { size } = st;
    if (map && st.isFile() && size >= MAP_FROM) {
      try {
        return fileBytes(map(path));
      } catch (e) {
        throw new InvalidInputError(`${path}: cannot map it (${(e as Error).message})`);
      }
    }
    let file: ArrayBuffer;
    try {
      file = new ArrayBuffer(size);
    } catch (e) {
      throw new InvalidInputError(`${path}: cannot hold its ${size} bytes in memory (${(e as Error).message})`);
    }
    for (let pos = 0; pos < size; ) {
      const n = Math.min(CHUNK, size - pos);
      const { bytesRead } = await fh.read(new Uint8Array(file, pos, n), 0, n, pos);
      if (bytesRead === 0) throw new InvalidInputError(`${path}: the file shrank while it was read (${pos} of ${size} bytes)`);
      pos += bytesRead;
    }
    return fileBytes(file);
  } finally {
    await fh.close();
  }
}
