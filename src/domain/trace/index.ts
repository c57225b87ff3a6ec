/**
 * Traceability: what each sprint produced, feature by feature, read from the board's evidence —
 * the sprint trace matrix (`execution/<sprintId>/sprint-trace-matrix.json`), the feature → test
 * links (`feature-test-link.yaml`), and the links `traceMatrixComplete` checks. Pure: the shell
 * writes the files, and the same board always gives the same bytes.
 */
export * from './feature-trace.js';
export * from './sprint-trace-matrix.js';
export * from './feature-test-links.js';
