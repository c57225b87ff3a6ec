import { userInfo } from 'node:os';
import { Command } from 'commander';
import { NotFoundError, UsageError } from '../../domain/errors/index.js';
import { EventType, governanceStream, type JsonObject } from '../../domain/events/index.js';
import { Priority } from '../../domain/planning/index.js';
import { didYouMean } from '../../domain/text/index.js';
import { randomIds, systemClock } from '../../runtime/index.js';
import { contextOf, type CliContext } from '../cli-context.js';
import { withSession, type Session } from '../orchestration/open-session.js';

interface DecisionOptions {
  by?: string;
  reason?: string;
  lift?: boolean;
}

/**
 * A person's decisions about a backlog feature, recorded on the `governance` stream with who and
 * why, kept through every re-plan: `kairos defer <feature>` (manually paused; `--lift` plans it
 * again) and `kairos prioritize <feature> <P1-P4>` (a manual priority).
 */
export function featureCommands(): Command[] {
  const defer = new Command('defer')
    .description('defer a backlog feature by hand (FeatureDeferred, manually paused): the planner leaves it out and sprints stop requiring it; --lift plans it again')
    .argument('<feature>', 'the feature id')
    .option('--reason <text>', 'why, in a few words')
    .option('--by <who>', 'who decides (default: the user running kairos)')
    .option('--lift', 'lift an earlier manual deferral')
    .action((featureId: string, options: DecisionOptions, command: Command) => recordDecision(contextOf(command), featureId, options, (by, reason) =>
      options.lift === true
        ? { type: EventType.FeatureStatusChanged, data: { featureId, status: 'planned', by, reason } }
        : { type: EventType.FeatureDeferred, data: { featureId, reason, by, deferral: { kind: 'manuallyPaused', by, note: reason } } },
    ));
  const prioritize = new Command('prioritize')
    .description('give a backlog feature a manual priority (OverrideApplied): it wins over features.yaml in every re-plan')
    .argument('<feature>', 'the feature id')
    .argument('<priority>', 'P1, P2, P3 or P4')
    .option('--reason <text>', 'why, in a few words')
    .option('--by <who>', 'who decides (default: the user running kairos)')
    .action((featureId: string, priority: string, options: DecisionOptions, command: Command) => {
      const level = priority.toUpperCase();
      if (!(level in Priority)) throw new UsageError(`priority ${priority}: one of ${Object.keys(Priority).join(', ')}`);
      return recordDecision(contextOf(command), featureId, options, (by, reason) => ({ type: EventType.OverrideApplied, data: { featureId, override: 'priority', priority: level, by, reason } }));
    });
  return [defer, prioritize];
}

async function recordDecision(context: CliContext, featureId: string, options: DecisionOptions, decide: (by: string, reason: string) => { type: EventType; data: JsonObject }): Promise<void> {
  await withSession(context, async (session) => {
    requireFeature(session, featureId);
    const by = options.by ?? userInfo().username;
    const { type, data } = decide(by, options.reason ?? `decided by ${by}`);
    const reason = String(data['reason']);
    const result = await session.store.append(governanceStream, [{ eventId: randomIds.eventId(), type, occurredAt: systemClock.now(), traceId: randomIds.traceId(), featureId, reason, data }]);
    context.stdout(`${featureId}: ${type} recorded at position ${result.events[0]?.position ?? '?'} by ${by}; \`kairos plan\` re-plans with it`);
  });
}

function requireFeature(session: Session, featureId: string): void {
  const known = session.workspace.features.map((feature) => feature.id);
  if (!known.includes(featureId)) throw new NotFoundError(`no feature ${featureId} in planning/features.yaml${didYouMean(featureId, known)}`);
}
