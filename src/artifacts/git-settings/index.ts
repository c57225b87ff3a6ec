/**
 * Git settings: the `git:` section of `planning/pipeline.yaml` — the repository Kairos reads for
 * the trace (the workspace's own by default), its main line, and the switch that makes Kairos tag
 * closed sprints and completed milestones.
 */
export * from './git-settings-schema.js';
export * from './load-git-settings.js';
