/** Test helpers for the scaffolder: the real Cucumber Gherkin parser. Not part of the build. */
export * from './parse-gherkin.js';
