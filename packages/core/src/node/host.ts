// The Node host: files from disk, images decoded with sharp. Installed by the Node entry on import.
import { totalmem } from 'node:os';
import { setHost } from '../host/host.js';
import { decodeImage } from './image.js';
import { readFileLarge } from './read-large.js';

export function installNodeHost(): void {
  setHost({
    name: 'node',
    readFile: (p, map) => readFileLarge(p, map),
    decodeImage: (src, label) => decodeImage(src, label),
    totalMemory: () => totalmem(),
  });
}
