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
  if (score !== undefined) next = withResilience(next, { source: sourceOf(event.anchors), score, position: event.position });
  return next;
};

/** `evidence` with the resilience score of a source: the latest counts; of two at one position, the lower. */
export function withResilience(evidence: ScopeEvidence, incoming: ResilienceEvidence): ScopeEvidence {
  const existing = own(evidence.resilience, incoming.source);
  if (existing !== undefined && prefer(existing, incoming, (item) => [item.position, -item.score]) === existing) return evidence;
  return withMembers(evidence, { resilience: withEntry(evidence.resilience, incoming.source, incoming) });
}

/** BlueprintValidated: the latest one decides; `valid: false` records a failed validation. */
export const foldBlueprint: FoldStep = (evidence, event) => {
  const { data } = event;
  const incoming: BlueprintEvidence = { valid: readFlag(data['valid']) ?? true, position: event.position };
  const blueprintId = firstString(data, ['blueprintId', 'blueprint']);
  if (blueprintId !== undefined) incoming.blueprintId = blueprintId;
  return withBlueprint(evidence, incoming);
};

/** `evidence` with a blueprint validation: the latest decides; of two at one position, the failed one. */
export function withBlueprint(evidence: ScopeEvidence, incoming: BlueprintEvidence): ScopeEvidence {
  const existing = evidence.blueprint;
  if (existing !== undefined && prefer(existing, incoming, (item) => [item.position, item.valid ? 0 : 1]) === existing) return evidence;
  return withMembers(evidence, { blueprint: incoming });
}
