import { sourceOf } from './evidence-event.js';
import { type FoldStep, prefer } from './fold-step.js';
import { firstString, own, readFlag, readPercent, withEntry, withMembers } from './read-json.js';
import type { BlueprintEvidence, ResilienceEvidence, ScopeEvidence } from './scope-evidence.js';
import { addSorted } from './sorted-set.js';

/**
 * ValidationPassed: records the validation's name, and the resilience score when the event carries
 * `resilienceScore` (the latest per source counts).
 */
export const foldValidation: FoldStep = (evidence, event) => {
  const { data } = event;
  const name = firstString(data, ['validation', 'name', 'check']);
  const rawScore = data['resilienceScore'];
  const score = readPercent(rawScore);
  if (rawScore !== undefined && score === undefined) {
    return `${event.type} resilienceScore ${JSON.stringify(rawScore)} is not a number from 0 to 100`;
  }
  if (name === undefined && score === undefined) {
    return `${event.type} names no validation (validation, name or check) and gives no resilienceScore`;
  }
  let next: ScopeEvidence = evidence;
  if (name !== undefined) {
    const validations = addSorted(evidence.validations, name);
    if (validations !== evidence.validations) next = withMembers(next, { validations });
  }
  if (score !== undefined) {
    const source = sourceOf(event.anchors);
    const incoming: ResilienceEvidence = { source, score, position: event.position };
    const existing = own(next.resilience, source);
    // The latest score counts; of two at one position, the lower.
    if (existing === undefined || prefer(existing, incoming, (item) => [item.position, -item.score]) !== existing) {
      next = withMembers(next, { resilience: withEntry(next.resilience, source, incoming) });
    }
  }
  return next;
};

/** BlueprintValidated: the latest one decides; `valid: false` records a failed validation. */
export const foldBlueprint: FoldStep = (evidence, event) => {
  const { data } = event;
  const incoming: BlueprintEvidence = { valid: readFlag(data['valid']) ?? true, position: event.position };
  const blueprintId = firstString(data, ['blueprintId', 'blueprint']);
  if (blueprintId !== undefined) incoming.blueprintId = blueprintId;
  const existing = evidence.blueprint;
  // Of two at one position, the failed one.
  if (existing !== undefined && prefer(existing, incoming, (item) => [item.position, item.valid ? 0 : 1]) === existing) return evidence;
  return withMembers(evidence, { blueprint: incoming });
};
