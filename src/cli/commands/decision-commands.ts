import { Command } from 'commander';
import { NotFoundError, RefusedError } from '../../domain/errors/index.js';
import { EventType, governanceStream, milestoneStream, sprintStream, type JsonObject, type ProposedEvent } from '../../domain/events/index.js';
import type { MilestoneRecord, SprintRecord } from '../../domain/orchestrator/index.js';
import { checkApprover, type ApproverCheck } from '../../domain/planning/index.js';
import { didYouMean } from '../../domain/text/index.js';
import { randomIds, systemClock } from '../../runtime/index.js';
import { contextOf, type CliContext } from '../cli-context.js';
import { findSprint } from '../orchestration/find-sprint.js';
import { currentBoard, withSession } from '../orchestration/open-session.js';

type Verb = 'approve' | 'reject';

interface DecisionOptions {
  as: string;
  reason?: string;
  exclude?: string;
}

/**
 * `kairos approve|reject <sprint|milestone> --as <user> [--reason]`: ApprovalGranted or
 * ApprovalRejected with who (and the approval role that lets them) and why. A sprint is held in
 * Ready (governance.approvalRequired, or a proposed sprint in assisted mode); a milestone under a
 * deployment freeze is held once its gates pass. Refused, with nothing recorded, for a user the
 * governance does not let decide and for anything not held. `reject --exclude F,G` sends a proposed
 * sprint back to the planner without those features (each paused by the rejecter).
 */
export function decisionCommands(): Command[] {
  return (['approve', 'reject'] as const).map((verb) => {
    const command = new Command(verb)
      .description(verb === 'approve' ? 'approve a sprint or milestone held for an approval, as a holder of an approval role' : 'reject a sprint or milestone held for an approval (a proposed sprint goes back to the planner)')
      .argument('<sprint|milestone>', 'the sprint or milestone id')
      .requiredOption('--as <user>', 'who decides: a user of planning/factory-governance.yaml with an approval role')
      .option('--reason <text>', 'why, in a few words');
    if (verb === 'reject') command.option('--exclude <features>', 'features (comma-separated) the planner must leave out when it plans the scope again');
    return command.action((id: string, options: DecisionOptions, cmd: Command) => applyDecision(contextOf(cmd), id, verb, options));
  });
}

async function applyDecision(context: CliContext, id: string, verb: Verb, options: DecisionOptions): Promise<void> {
  await withSession(context, async (session) => {
    const board = await currentBoard(session);
    const milestone = board.sprints.has(id) ? undefined : board.milestones.get(id);
    const subject = milestone === undefined ? sprintSubject((await findSprint(session, id)).record, verb) : milestoneSubject(milestone, verb);
    const check = checkApprover(session.workspace.governance, options.as);
    if (!check.allowed) throw new RefusedError(`cannot ${verb} ${id}: ${check.reason}`);
    const excluded = options.exclude === undefined ? [] : excludedFeatures(options.exclude, subject.features, id);
    const reason = options.reason ?? `${verb === 'approve' ? 'approved' : 'rejected'} by ${options.as}`;
    const decision = decisionEvent(subject, verb, options.as, reason, check, excluded);
    const result = await session.store.append(subject.streamId, [decision]);
    // What the rejection excludes is a person's pause, kept through every re-plan (kairos defer --lift undoes it).
    if (excluded.length > 0) {
      await session.store.append(
        governanceStream,
        excluded.map((featureId) => {
          const why = `excluded when ${id} was rejected: ${reason}`;
          return { eventId: randomIds.eventId(), type: EventType.FeatureDeferred, occurredAt: systemClock.now(), traceId: subject.traceId, causationId: decision.eventId, featureId, reason: why, data: { featureId, reason: why, by: options.as, deferral: { kind: 'manuallyPaused', by: options.as, note: why } } };
        }),
      );
    }
    const role = check.role === undefined ? '' : ` (${check.role})`;
    const next = verb === 'reject' && milestone === undefined ? '`kairos plan` plans its scope again' : '`kairos run` acts on it';
    context.stdout(`${id}: ${decision.type} recorded at position ${result.events[0]?.position ?? '?'} by ${options.as}${role}${excluded.length > 0 ? `; excluded ${excluded.join(', ')}` : ''}; ${next}`);
  });
}

/** What is decided on: its stream, scope and trace. */
interface Subject {
  streamId: string;
  scope: { sprintId?: string; milestoneId?: string };
  traceId: string;
  features: readonly string[];
}

function sprintSubject(record: SprintRecord, verb: Verb): Subject {
  const id = record.id;
  if (record.approval === 'not-required') throw new RefusedError(`cannot ${verb} ${id}: it is not held for an approval (no governance.approvalRequired, and not a proposed sprint in assisted mode)`);
  if (verb === 'approve' && record.approval === 'granted') throw new RefusedError(`cannot approve ${id}: it is approved already${record.approvalBy === undefined ? '' : ` by ${record.approvalBy}`}`);
  const scope = { sprintId: id, ...(record.milestoneId === undefined ? {} : { milestoneId: record.milestoneId }) };
  return { streamId: sprintStream(id), scope, traceId: record.traceId, features: record.features };
}

function milestoneSubject(record: MilestoneRecord, verb: Verb): Subject {
  const id = record.id;
  if (record.approval === undefined) throw new RefusedError(`cannot ${verb} ${id}: it is not held for an approval (only a milestone under a deploymentFreeze is, once its gates pass)`);
  if (verb === 'approve' && record.approval === 'granted') throw new RefusedError(`cannot approve ${id}: it is approved already${record.approvalBy === undefined ? '' : ` by ${record.approvalBy}`}`);
  return { streamId: milestoneStream(id), scope: { milestoneId: id }, traceId: record.traceId, features: [] };
}

function excludedFeatures(list: string, scope: readonly string[], id: string): string[] {
  const features = list.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  for (const featureId of features) {
    if (!scope.includes(featureId)) throw new NotFoundError(`--exclude ${featureId}: not in the scope of ${id} (${scope.join(', ') || 'no features'})${didYouMean(featureId, scope)}`);
  }
  return features;
}

function decisionEvent(subject: Subject, verb: Verb, user: string, reason: string, check: Extract<ApproverCheck, { allowed: true }>, excluded: readonly string[]): ProposedEvent & { type: EventType } {
  const data: JsonObject = { ...subject.scope, [verb === 'approve' ? 'approvedBy' : 'rejectedBy']: user, reason };
  if (check.role !== undefined) data['role'] = check.role;
  if (excluded.length > 0) data['exclude'] = [...excluded];
  return { eventId: randomIds.eventId(), type: verb === 'approve' ? EventType.ApprovalGranted : EventType.ApprovalRejected, occurredAt: systemClock.now(), traceId: subject.traceId, reason, ...subject.scope, data };
}
