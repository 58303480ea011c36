// @liteq/core, Node entry (package.json `exports` condition "node"): everything the browser-safe entry
// has, plus files (atomic writes, GraphDef/TF.js from disk), images decoded and annotated with sharp,
// calibration from image files, and the native backend found by import. Importing it installs the
// Node host, so paths given to loadModel, detect, readLabels and readCocoDataset are files on disk.
import { installNodeHost } from './node/host.js';

installNodeHost();

export * from './index.js';
export { writeFileAtomic, writeTfliteFile, writeModelFile, assertFreeSpace, assertNotInput, removePendingTemporaryFiles, MappedOutput, type OutputMapper } from './node/files.js';
export { readFileLarge } from './node/read-large.js';
export { loadGraphFile, readTfjsModel } from './node/load.js';
export { decodeImage, annotateImage, loadSharp } from './node/image.js';
export { inspectModelFile } from './node/inspect-file.js';
export { calibrate, listCalibrationImages } from './node/calibration-images.js';
