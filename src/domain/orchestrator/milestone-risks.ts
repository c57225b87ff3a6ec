import type { Board, MilestoneRecord } from './board.js';
import { milestoneEvidence, sprintsOf } from './milestone-evidence.js';

/**
 * A milestone that does not allow deferred scope is at risk as soon as a feature it requires is
 * deferred, before its gates are checked: one line per such feature, with the reason given.
 */
export function milestoneRisks(board: Pick<Board, 'sprints'>, milestone: MilestoneRecord): string[] {
  if (milestone.allowsDeferred) return [];
  const evidence = milestoneEvidence(milestone, sprintsOf(board));
  const risks: string[] = [];
  for (const featureId of milestone.requiredFeatures) {
    const feature = evidence.features[featureId];
    if (feature?.status !== 'deferred') continue;
    risks.push(`${featureId} is deferred${feature.deferReason === undefined ? '' : ` (${feature.deferReason})`} and ${milestone.id} does not allow deferred scope`);
  }
  return risks;
}
