// TF.js graph models (model.json + weight shards) into the TF graph form.
export { readTfjsFromParts, readTfjsWithShards, type ShardReader, type TfjsModel, type TfjsParts } from './reader.js';
export type { WeightGroup, WeightQuantization, WeightSpec } from './weights.js';
