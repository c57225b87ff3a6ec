/** Workspaces: finding the planning files of a folder, validating them together, loading the model. */
export * from './build-workspace.js';
export * from './list-planning-files.js';
export * from './load-workspace.js';
export * from './planning-file-kinds.js';
export * from './validate-workspace.js';
export * from './workspace-report.js';
export * from './workspace.js';
