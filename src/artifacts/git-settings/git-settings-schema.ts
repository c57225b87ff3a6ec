import { z } from 'zod';
import { openObject } from '../schema/open-object.js';

/** The `git:` section of `planning/pipeline.yaml`: which repository Kairos reads, and whether it tags. */
export const gitSettingsSchema = openObject({
  repository: z.string().trim().min(1).optional().describe("The repository to read, relative to the workspace (default: the workspace's own, when it holds .git)."),
  mainBranch: z.string().trim().min(1).optional().describe('The main line pull requests merge into (default main, else master, else trunk, else the checked-out branch).'),
  scan: z.boolean().optional().describe('Read the repository whenever a run goes idle and on kairos trace (default true).'),
  tags: z.boolean().optional().describe('On SprintClosed and MilestoneCompleted create annotated tags sprint-<n>-complete and <milestone>-v<n> (default false). An existing tag is never moved.'),
  maxCommits: z.number().int().positive().max(1_000_000).optional().describe('Most commits read (default 10000, newest first).'),
});

/** A valid `git:` section. */
export type GitSettingsSection = z.infer<typeof gitSettingsSchema>;
