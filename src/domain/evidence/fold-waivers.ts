import type { FoldStep } from './fold-step.js';
import { firstString, withMember } from './read-json.js';

/**
 * `OverrideApplied` with `override: skipGate`: a person waives one gate of the scope the event names
 * (`gate`, by, reason); the gate then passes, saying so. A sprint's waiver does not waive its
 * milestone's gate of the same name, nor the other way round. Other overrides carry no evidence.
 */
export const foldGateWaiver: FoldStep = (evidence, event) => {
  if (event.data['override'] !== 'skipGate') return evidence;
  const gate = firstString(event.data, ['gate']);
  if (gate === undefined) return 'OverrideApplied skipGate names no gate';
  const own = evidence.scope.kind === 'sprint' ? event.anchors.sprintId === evidence.scope.id : event.anchors.sprintId === undefined && event.anchors.milestoneId === evidence.scope.id;
  if (!own) return evidence;
  const previous = evidence.waivers?.[gate];
  if (previous !== undefined && previous.position >= event.position) return evidence;
  const waiver = { by: firstString(event.data, ['by']) ?? 'a person', reason: firstString(event.data, ['reason']) ?? event.reason ?? 'no reason given', position: event.position };
  return withMember(evidence, 'waivers', { ...evidence.waivers, [gate]: waiver });
};
