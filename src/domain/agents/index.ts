/**
 * Agents, as the core sees their output: the scope rules an execution's output must keep (its
 * skills, its sprint, milestone and features, the workspace, the event types an agent may report),
 * and the execution records `metadata/<moduleId>/execution-metadata.json` holds, built from the
 * log. Pure: the shell resolves symlinks and writes the files.
 */
export * from './reserved-event-types.js';
export * from './workspace-path.js';
export * from './reported-paths.js';
export * from './scope-check.js';
export * from './execution-skill.js';
export * from './execution-record.js';
export * from './execution-metadata-file.js';
