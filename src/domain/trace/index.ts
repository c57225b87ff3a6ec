/**
 * Traceability: what each sprint produced, feature by feature, read from the board's evidence —
 * the sprint trace matrix (`execution/<sprintId>/sprint-trace-matrix.json`), the feature → test
 * links (`feature-test-link.yaml`), the links `traceMatrixComplete` checks — and how a git
 * repository's history (trace-tagged commits, feature branches, tags) becomes events linked to the
 * board's sprints, and which tags closed sprints and completed milestones get. Pure: the shell reads
 * git and writes the files, and the same board always gives the same bytes.
 */
export * from './feature-trace.js';
export * from './sprint-trace-matrix.js';
export * from './feature-test-links.js';
export * from './git-history.js';
export * from './git-trace-event.js';
export * from './git-trace-tags.js';
export * from './branch-name.js';
export * from './sprint-resolver.js';
export * from './git-trace-events.js';
export * from './git-tag-plan.js';
export * from './trace-facts.js';
export * from './trace-walk.js';
