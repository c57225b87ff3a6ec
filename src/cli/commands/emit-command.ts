import { Command } from 'commander';
import { UsageError } from '../../domain/errors/index.js';
import { eventTypeNames, featureStream, governanceStream, isEventType, milestoneStream, planningStream, sprintStream, type EventScope, type JsonObject } from '../../domain/events/index.js';
import { didYouMean } from '../../domain/text/index.js';
import { randomIds, systemClock } from '../../runtime/index.js';
import { openEventStore } from '../../store/index.js';
import { contextOf } from '../cli-context.js';

interface EmitOptions {
  data: string;
  sprint?: string;
  milestone?: string;
  feature?: string;
  stream?: string;
  trace?: string;
  reason?: string;
}

const governanceTypes: ReadonlySet<string> = new Set(['ApprovalRequested', 'ApprovalGranted', 'ApprovalRejected', 'OverrideApplied', 'ManualApproval']);

/** `kairos emit <Type> --data <json>`: records an outside signal (a CI result, a manual approval) in the log. */
export function emitCommand(): Command {
  return new Command('emit')
    .description('record an outside event (CI result, manual approval…) in the log')
    .argument('<type>', 'a catalog event type, e.g. TestRunCompleted')
    .option('--data <json>', 'the payload, a JSON object', '{}')
    .option('--sprint <id>', 'the sprint it is about')
    .option('--milestone <id>', 'the milestone it is about')
    .option('--feature <id>', 'the feature it is about')
    .option('--stream <id>', 'the stream to append to (default: from the sprint, milestone or feature)')
    .option('--trace <id>', 'the trace it belongs to (default: a new one)')
    .option('--reason <text>', 'why')
    .action(async (type: string, options: EmitOptions, command: Command) => {
      if (!isEventType(type)) throw new UsageError(`unknown event type ${type}${didYouMean(type, eventTypeNames)}; kairos emit records catalog events only`);
      const data = parseData(options.data);
      const scope: EventScope = {};
      const sprintId = options.sprint ?? stringIn(data, 'sprintId');
      const milestoneId = options.milestone ?? stringIn(data, 'milestoneId');
      const featureId = options.feature ?? stringIn(data, 'featureId');
      if (sprintId !== undefined) scope.sprintId = sprintId;
      if (milestoneId !== undefined) scope.milestoneId = milestoneId;
      if (featureId !== undefined) scope.featureId = featureId;
      if (options.reason !== undefined) scope.reason = options.reason;
      const streamId =
        options.stream ??
        (governanceTypes.has(type) ? governanceStream : sprintId !== undefined ? sprintStream(sprintId) : milestoneId !== undefined ? milestoneStream(milestoneId) : featureId !== undefined ? featureStream(featureId) : planningStream);
      const context = contextOf(command);
      const store = await openEventStore(context.storeUrl, { workspace: context.workspace });
      try {
        const result = await store.append(streamId, [{ ...scope, eventId: randomIds.eventId(), type, occurredAt: systemClock.now(), traceId: options.trace ?? randomIds.traceId(), data }]);
        const stored = result.events[0];
        context.stdout(`${type} recorded at position ${stored?.position ?? '?'} in ${streamId} (${stored?.eventId ?? ''})`);
      } finally {
        await store.close();
      }
    });
}

function parseData(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--data is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('--data must be a JSON object, e.g. \'{"sprintId": "sprint-1"}\'');
  return value as JsonObject;
}

function stringIn(data: JsonObject, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
