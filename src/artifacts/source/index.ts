/**
 * Source: reading planning files safely (size, binary, UTF-8, nesting, aliases, duplicate keys)
 * into a parsed YAML document, and pointing at any path in it by line and column.
 */
export * from './decode-source.js';
export * from './find-alias-problems.js';
export * from './find-deep-value.js';
export * from './find-duplicate-keys.js';
export * from './find-excessive-nesting.js';
export * from './find-json-problem.js';
export * from './format-bytes.js';
export * from './limit-problems.js';
export * from './diagnostic-at.js';
export * from './format-path.js';
export * from './line-column-at.js';
export * from './load-yaml-source.js';
export * from './loaded-source.js';
export * from './locate-path.js';
export * from './read-source-file.js';
export * from './source-limits.js';
