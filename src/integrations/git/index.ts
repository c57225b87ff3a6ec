/**
 * Git: reads a real repository with plain `git` processes — commits with their trace tags,
 * feature branches and whether they reached the main line (`git merge-base --is-ancestor`), tags —
 * into the plain `GitHistory` the trace core links to sprints, and creates annotated tags (never
 * moving one that exists).
 */
export * from './git-error.js';
export * from './run-git.js';
export * from './read-git-history.js';
export * from './create-git-tag.js';
