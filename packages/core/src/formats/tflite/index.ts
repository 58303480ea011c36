// TFLite format layer: read/verify/write .tflite flatbuffers and their flexbuffer custom options.
//
// IR conventions for this format:
// - Builtin options are `{ type: '<schema union member>', ...fields }` with camelCase field names;
//   enums are schema member names ('SAME', 'RELU6', 'INT8'; a plain number if the value is not in the
//   schema); 64-bit integers are bigint; bools are boolean; every scalar field is present (schema
//   defaults filled in); absent vectors/strings/tables are omitted. LSHProjectionOptions' own `type`
//   field is exposed as `type_`. Tensor sparsity and quantization details use the same rules
//   (nested unions as `{ type, value }`).
// - Custom options: raw bytes always kept (`customOptions`, zero-copy view) and, when they decode as a
//   flexbuffer map, also `customOptionsMap` (malformed flexbuffers leave the map undefined; nothing is
//   thrown). The writer uses the raw bytes when present, else re-encodes the map (see flexbuffers.ts
//   for how int/float/bool typing is preserved).
// - Dropped on read (not in the IR): Tensor.variant_tensors/external_buffer, Operator.debug_metadata_index,
//   SubGraph.debug_metadata_index, Model.metadata_buffer, external_buffer_groups/external_buffers.
export { readTflite, isTflite } from './reader.js';
export { writeTflite, type WriteTfliteOptions } from './writer.js';
export { layoutTfliteInArena, Arena, quantizedHeaderRoom, type ArenaLayout } from './arena-writer.js';
export { verifyTflite, type VerifyOptions } from './verifier.js';
export { encodeFlexbuffer } from './flexbuffers-encode.js';
export {
  decodeFlexbuffer,
  withFlexTypes,
  flexTypesOf,
  FLEX_TYPES,
  type FlexTag,
  type FlexTypes,
  type FlexDecodeOptions,
} from './flexbuffers.js';
