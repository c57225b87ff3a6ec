import { Command } from 'commander';
import type { BacklogPlan } from '../../domain/planner/index.js';
import { proposePlan, systemClock, type ProposePlanResult } from '../../runtime/index.js';
import { contextOf } from '../cli-context.js';
import { withSession } from '../orchestration/open-session.js';

interface PlanOptions {
  resume?: string | boolean;
  by?: string;
}

/** `kairos plan [--resume [reason]]`: records the planning files and runs the planner over the backlog. */
export function planCommand(): Command {
  return new Command('plan')
    .description('record the planning files and let the planner propose sprints for the backlog no sprint holds (planning/sprint-plan.yaml); --resume resumes planning')
    .option('--resume [reason]', 'resume planning now (PlanningResumed), with why')
    .option('--by <who>', 'who asks for the resumption')
    .action(async (options: PlanOptions, command: Command) => {
      const context = contextOf(command);
      await withSession(context, async (session) => {
        const resume = options.resume === undefined ? undefined : { reason: typeof options.resume === 'string' ? options.resume : 'asked for by a person', ...(options.by === undefined ? {} : { by: options.by }) };
        const result = await proposePlan({ store: session.store, workspace: session.workspace, machines: Object.values(session.machines), config: session.config, clock: systemClock, ...(resume === undefined ? {} : { resume }) });
        for (const line of describePlanRun(result)) context.stdout(line);
        const head = await session.store.head();
        context.stdout(`log at position ${head.position}`);
      });
    });
}

/** The plan run in a few lines: what was recorded, proposed, deferred, at risk. */
export function describePlanRun(result: ProposePlanResult): string[] {
  const planning = result.appended - result.definitions.appended.length;
  const lines = [
    `recorded ${result.appended} event(s): ${result.definitions.appended.length} definition change(s) (${result.definitions.unchanged} unchanged; trace ${result.definitions.traceId}), ${planning} planning event(s)`,
  ];
  if (result.plan === undefined) return [...lines, 'planningMode manual-only: the planner does not run; sprints come from planning/sprints.yaml'];
  if (result.resumption !== undefined) lines.push(`planning resumed: ${result.resumption.reason} (trace ${result.resumption.traceId}, follows ${result.resumption.previousTraceId})`);
  lines.push(...describePlan(result.plan, result.mode));
  for (const file of result.written) lines.push(`wrote ${file}`);
  return lines;
}

function describePlan(plan: BacklogPlan, mode: string): string[] {
  const lines: string[] = [];
  if (plan.sprints.length === 0) lines.push('proposed no sprint: every feature is held by a sprint, completed or deferred');
  for (const sprint of plan.sprints) {
    lines.push(`${sprint.kept ? 'kept' : 'proposed'} ${sprint.id}${sprint.milestone === undefined ? '' : ` (${sprint.milestone})`}: ${sprint.features.join(', ')} — effort ${sprint.effort}, agents ${sprint.agents.join(', ') || 'none'}`);
  }
  for (const entry of plan.deferred) lines.push(`deferred ${entry.featureId}: ${entry.reason}${entry.deferredTo === undefined ? '' : ` → ${entry.deferredTo}`}`);
  for (const pulled of plan.pulledForward) lines.push(`pulled forward ${pulled.featureId} into ${pulled.to}: ${pulled.neededBy} needs it`);
  for (const risk of plan.atRisk) lines.push(`at risk ${risk.milestoneId}: ${risk.reason}`);
  if (plan.sprints.length > 0 && mode === 'assisted') lines.push('assisted planning: each proposed sprint waits in Ready for an approval (kairos approve <sprint> --as <user>)');
  return lines;
}
