// TensorFlow graph readers: binary GraphDef, text GraphDef, and the TF graph form they produce.
export type { TfAttr, TfAttrKind, TfDataType, TfFunc, TfGraph, TfNode, TfShape, TfTensor } from './graph.js';
export { getAttr, numElements, parseInput } from './graph.js';
export { tensorFloat32, tensorFloat64, tensorInt32, tensorInt64, tensorNumbers, tensorUint16 } from './tensor.js';
export { dataTypeName, dataTypeNumber, dataTypeSize } from './dtypes.js';
export { readGraphDef } from './pb-reader.js';
export { readPbtxt } from './pbtxt-reader.js';
export { parseTextProto } from './text-format/parser.js';
export { graphSummary, type GraphSummary } from './summary.js';
export { diffValues } from './compare.js';
