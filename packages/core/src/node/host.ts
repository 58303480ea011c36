// The Node host: files from disk, images decoded with sharp. Installed by the Node entry on import.
import { readFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { setHost } from '../host/host.js';
import { decodeImage } from './image.js';

export function installNodeHost(): void {
  setHost({
    name: 'node',
    readFile: async (p) => new Uint8Array(await readFile(p)),
    decodeImage: (src, label) => decodeImage(src, label),
    totalMemory: () => totalmem(),
  });
}
