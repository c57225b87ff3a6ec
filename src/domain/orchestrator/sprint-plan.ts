import { sprintEvidenceScope } from '../evidence/evidence-scope.js';
import { withMembers, type JsonRecord } from '../evidence/read-json.js';
import { rescopeEvidence } from '../evidence/rescope-evidence.js';
import { emptyEvidence } from '../evidence/scope-evidence.js';
import { createInstance } from '../fsm/machine-instance.js';
import type { SprintRecord } from './board.js';
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
    record = {
      id: sprintId,
      ...definition,
      approval,
      instance: createInstance(machine, event.position),
      traceId: event.traceId,
      correlationId: event.correlationId,
      traces: [{ traceId: event.traceId, position: event.position, reason: 'planned' }],
      enteredAtTime: event.occurredAt,
      evidence: emptyEvidence(scope),
      running: [],
      ended: [],
      held: [],
      gateFailures: 0,
      checkpoints: 0,
      decided: [],
    };
  } else {
    const keepApproval = existing.approval === 'granted' || existing.approval === 'requested' || existing.approval === 'rejected';
    record = withMembers(existing, { ...definition, approval: keepApproval ? existing.approval : approval, evidence: rescopeEvidence(existing.evidence, scope) });
  }
  if (planned.milestoneId === undefined) delete record.milestoneId;
  else record.milestoneId = planned.milestoneId;
  if (planned.moduleId === undefined) delete record.moduleId;
  else record.moduleId = planned.moduleId;
  for (const featureId of planned.features) draft.featureSprints.set(featureId, sprintId);
  draft.sprints.set(sprintId, record);
}
