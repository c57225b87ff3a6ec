import type { MilestoneRecord } from './board.js';

/**
 * A milestone that does not allow deferred scope is at risk as soon as a feature it requires is
 * deferred, before its gates are checked: one line per such feature, with the reason given.
 */
export function milestoneRisks(milestone: MilestoneRecord): string[] {
  if (milestone.allowsDeferred) return [];
  const risks: string[] = [];
  for (const featureId of milestone.requiredFeatures) {
    const feature = milestone.evidence.features[featureId];
    if (feature?.status !== 'deferred') continue;
    risks.push(`${featureId} is deferred${feature.deferReason === undefined ? '' : ` (${feature.deferReason})`} and ${milestone.id} does not allow deferred scope`);
  }
  return risks;
}
