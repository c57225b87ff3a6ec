/**
 * Test reports: readers for the test and coverage reports a workspace's CI writes (JUnit XML;
 * lcov, Istanbul's coverage-summary.json and Cobertura XML), each turned into one plain shape for
 * the QA agent to make evidence from. Parsers take text and never touch the disk; the `read*`
 * wrappers read a file and detect its format. Bad input is a located `ValidationError`.
 */
export * from './coverage-metric.js';
export * from './coverage-report.js';
export * from './detect-coverage-format.js';
export * from './parse-cobertura-xml.js';
export * from './parse-istanbul-summary.js';
export * from './parse-junit-xml.js';
export * from './parse-lcov.js';
export * from './read-coverage-report.js';
export * from './read-test-report.js';
export * from './report-limits.js';
export * from './test-report.js';
