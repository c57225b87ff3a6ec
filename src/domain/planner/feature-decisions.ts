import type { StoredEvent } from '../events/index.js';
import type { Priority } from '../planning/index.js';
import type { FeatureDecision } from './backlog-plan.js';

const priorities = new Set<string>(['P1', 'P2', 'P3', 'P4']);

/**
 * What people decided about features, from the `governance` stream in log order: a pause
 * (`FeatureDeferred` by a person, lifted by a later `FeatureStatusChanged` to planned) and a manual
 * priority (`OverrideApplied` with `override: priority`). The latest decision of each kind wins.
 */
export function featureDecisions(events: readonly StoredEvent[]): Record<string, FeatureDecision> {
  const decisions: Record<string, FeatureDecision> = {};
  for (const event of events) {
    const featureId = event.featureId ?? (typeof event.data['featureId'] === 'string' ? event.data['featureId'] : undefined);
    if (featureId === undefined) continue;
    const by = typeof event.data['by'] === 'string' ? event.data['by'] : undefined;
    const note = typeof event.data['reason'] === 'string' ? event.data['reason'] : event.reason;
    const current = decisions[featureId] ?? {};
    if (event.type === 'FeatureDeferred') {
      decisions[featureId] = { ...current, paused: { ...(by === undefined ? {} : { by }), ...(note === undefined ? {} : { note }) } };
    } else if (event.type === 'FeatureStatusChanged' && event.data['status'] === 'planned') {
      const { paused: _lifted, ...rest } = current;
      decisions[featureId] = rest;
    } else if (event.type === 'OverrideApplied' && event.data['override'] === 'priority' && typeof event.data['priority'] === 'string' && priorities.has(event.data['priority'])) {
      decisions[featureId] = { ...current, priority: event.data['priority'] as Priority };
    }
  }
  return decisions;
}
