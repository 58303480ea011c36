// @liteq/core public API.
export * from './ir/types.js';
export * from './errors.js';
export * from './backend.js';
