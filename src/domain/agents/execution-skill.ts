import type { ScopedReport } from './scope-check.js';

/**
 * The skill an execution is recorded under. Kairos runs an agent per role a sprint state
 * activates, not per skill, so: the first skill the agent's reports name (`skillId` of a report or
 * of its `data`), else the agent's only skill, else none.
 *
 * @example executionSkill(['GenerateHandler', 'CommitCode'], [{ type: 'ArtifactProduced', skillId: 'GenerateHandler' }]) // 'GenerateHandler'
 */
export function executionSkill(allowedSkills: readonly string[], reports: readonly ScopedReport[]): string | undefined {
  for (const report of reports) {
    if (typeof report.skillId === 'string') return report.skillId;
    const named = report.data?.['skillId'];
    if (typeof named === 'string') return named;
  }
  return allowedSkills.length === 1 ? allowedSkills[0] : undefined;
}
