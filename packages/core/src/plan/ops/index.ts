// Every op lowering the executor supports. Append new families here (one import, one entry).
import type { OpLowering } from '../types.js';
import { reshapeLowering } from './reshape.js';

export const OP_LOWERINGS: readonly OpLowering[] = [
  reshapeLowering,
];
