import type { JsonObject } from '../../events/envelope.js';
import { FeatureStatus } from '../../planning/feature.js';
import { own } from '../../evidence/read-json.js';
import type { SprintEvidence, StreamEvidence } from '../../evidence/scope-evidence.js';
import { count, deferredNote, listSome, scopeLabel } from '../gate-reason.js';
import { fail, pass } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';

/** `blueprintValidated`: the latest BlueprintValidated of the scope reports the blueprint valid. */
export const blueprintValidated: GateEvaluator = (evidence) => {
  const blueprint = evidence.blueprint;
  if (blueprint === undefined) return fail(`no BlueprintValidated recorded for ${scopeLabel(evidence)}`, { validated: false });
  const facts: JsonObject = { validated: blueprint.valid, blueprintId: blueprint.blueprintId ?? null, position: blueprint.position };
  const name = blueprint.blueprintId === undefined ? 'blueprint' : `blueprint ${blueprint.blueprintId}`;
  if (!blueprint.valid) return fail(`the latest BlueprintValidated (position ${blueprint.position}) reports the ${name} invalid`, facts);
  return pass(`${name} validated (position ${blueprint.position})`, facts);
};

/**
 * `allSprintsClosed`: every sprint of the scope (the milestone's sprints from the plan, and any
 * sprint planned for it in the log; for a sprint scope, the sprint itself) is closed. An aborted
 * sprint is not closed. A milestone without sprints fails.
 */
export const allSprintsClosed: GateEvaluator = (evidence) => {
  const sprints = Object.keys(evidence.sprints)
    .sort()
    .map((id) => evidence.sprints[id] as SprintEvidence);
  const facts: JsonObject = { sprints: sprints.map((sprint) => ({ sprintId: sprint.sprintId, standing: sprint.standing })) };
  if (sprints.length === 0) return fail(`${scopeLabel(evidence)} has no sprints`, facts);
  const open = sprints.filter((sprint) => sprint.standing !== 'closed');
  if (open.length > 0) return fail(`${open.length} of ${count(sprints.length, 'sprint')} not closed: ${listSome(open.map(describeSprint), ', ')}`, facts);
  return pass(`all ${count(sprints.length, 'sprint')} closed`, facts);
};

function describeSprint(sprint: SprintEvidence): string {
  switch (sprint.standing) {
    case 'planned':
      return `${sprint.sprintId} not started`;
    case 'open':
      return sprint.decidedBy === 'SprintRewound' ? `${sprint.sprintId} open (rewound at position ${sprint.decidedAt ?? 0})` : `${sprint.sprintId} open`;
    case 'aborted':
      return `${sprint.sprintId} aborted`;
    case 'closed':
      return `${sprint.sprintId} closed`;
    default: {
      const unreachable: never = sprint.standing;
      return unreachable;
    }
  }
}

/**
 * `allStreamsReady`: every parallel stream of the milestone is ready: a SprintClosed named it
 * (`stream`, `streams`, or the sprint id or module is the stream's name), or the feature of that
 * name was completed. Where the milestone allows deferral, a deferred stream feature is excused. A
 * scope without parallel streams fails: the gate has nothing to vouch for.
 */
export const allStreamsReady: GateEvaluator = (evidence) => {
  const streams = evidence.scope.parallelStreams.map((name) => own(evidence.streams, name) ?? { name, ready: false });
  const excused = (stream: StreamEvidence): boolean =>
    !stream.ready && evidence.scope.allowsDeferred && own(evidence.features, stream.name)?.status === FeatureStatus.Deferred;
  const deferred = streams.filter(excused).map((stream) => stream.name);
  const facts: JsonObject = {
    streams: streams.map((stream) => ({ name: stream.name, ready: stream.ready, readyBy: stream.readyBy ?? null, deferred: excused(stream) })),
  };
  if (streams.length === 0) return fail(`${scopeLabel(evidence)} declares no parallelStreams`, facts);
  const waiting = streams.filter((stream) => !stream.ready && !excused(stream));
  if (waiting.length > 0) {
    return fail(`${waiting.length} of ${count(streams.length, 'stream')} not ready: ${listSome(waiting.map((stream) => stream.name), ', ')} (no SprintClosed names it, no feature of that name completed)`, facts);
  }
  return pass(`all ${count(streams.length - deferred.length, 'stream')} ready${deferredNote(deferred)}`, facts);
};
