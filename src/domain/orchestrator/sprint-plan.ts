import { sprintEvidenceScope } from '../evidence/evidence-scope.js';
import { noItems, ownedByBatch, type JsonRecord } from '../evidence/read-json.js';
import { rescopeEvidence } from '../evidence/rescope-evidence.js';
import { emptyEvidence } from '../evidence/scope-evidence.js';
import { createInstance } from '../fsm/machine-instance.js';
import { copySprintRecord, withSprint, type SprintRecord } from './board.js';
import { plannedSprint } from './planned-definitions.js';
import type { ReactionDraft } from './reaction.js';

/** SprintPlanned: a new sprint on the current machine, or a changed definition of a known one. */
export function planSprint(draft: ReactionDraft, sprintId: string, data: JsonRecord): void {
  const event = draft.event;
  const planned = plannedSprint(data, event);
  const scope = sprintEvidenceScope({ id: sprintId, features: planned.features });
  const existing = draft.sprint(sprintId);
  const approval = planned.approvalRequired || (planned.proposed && draft.config.planningMode === 'assisted') ? 'required' : 'not-required';
  const definition = {
    features: planned.features,
    agents: planned.agents,
    gates: planned.gates,
    concurrencyPolicy: planned.concurrencyPolicy,
  };
  let record: SprintRecord;
  if (existing === undefined) {
    const machine = draft.machines.current('sprint') ?? draft.config.sprintMachine;
    // Owned by the running batch from the start: the same event's transition changes it in place.
    record = ownedByBatch(copySprintRecord({
      id: sprintId,
      milestoneId: planned.milestoneId,
      moduleId: planned.moduleId,
      ...definition,
      approval,
      instance: createInstance(machine, event.position),
      traceId: event.traceId,
      correlationId: event.correlationId,
      traces: [{ traceId: event.traceId, position: event.position, reason: 'planned' }],
      enteredAtTime: event.occurredAt,
      evidence: emptyEvidence(scope),
      running: noItems(),
      ended: noItems(),
      held: noItems(),
      gateFailures: 0,
      checkpoints: 0,
      decided: noItems(),
    }));
  } else {
    const keepApproval = existing.approval === 'granted' || existing.approval === 'requested' || existing.approval === 'rejected';
    record = withSprint(existing, {
      ...definition,
      milestoneId: planned.milestoneId,
      moduleId: planned.moduleId,
      approval: keepApproval ? existing.approval : approval,
      evidence: rescopeEvidence(existing.evidence, scope),
    });
  }
  for (const featureId of planned.features) draft.featureSprints.set(featureId, sprintId);
  draft.setSprint(sprintId, record);
}
