/**
 * The `kairos` command line: commander commands over the artifacts, store and runtime layers.
 * Errors become exit codes and messages in one place, `run-cli.ts`.
 */
export { runCli } from './run-cli.js';
export { createProgram } from './program.js';
