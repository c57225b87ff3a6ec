/**
 * Trace runtime: keeps the log in step with the workspace's git repository (`GitTraceSync`: facts
 * read, tags made), so the trace matrix, the gates and `kairos trace` see what git holds.
 */
export * from './git-trace-sync.js';
