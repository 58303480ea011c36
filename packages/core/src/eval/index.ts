// Evaluation: COCO bbox mAP (pycocotools semantics), running detectors over COCO images, per-tensor
// error between two models, and self-contained HTML reports.
export * from './coco-dataset.js';
export * from './coco.js';
export * from './detector.js';
export * from './compare.js';
export * from './report.js';
