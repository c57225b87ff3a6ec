import { approvalWait, milestoneRisks, sprintStateView, type Board, type OrchestratorConfig } from '../../domain/orchestrator/index.js';
import type { RunSummary } from '../../runtime/index.js';
import { isSettled, stateOf } from './describe-board.js';

/** What `kairos run` prints when it goes idle: what it did, then each milestone and sprint, and why the open ones wait. */
export function formatRunSummary(summary: RunSummary, board: Board, config: OrchestratorConfig): string[] {
  return [
    `handled ${summary.handled} event(s), appended ${summary.appended}, ran ${summary.executions} agent execution(s)${summary.recovered > 0 ? ` (${summary.recovered} interrupted one(s) run again${summary.reaped > 0 ? `, ${summary.reaped} orphaned agent process group(s) killed first` : ''})` : ''}; log at position ${summary.position}`,
    ...formatBoard(board, config),
  ];
}

/** Each milestone and sprint on a line: its state, and for open ones what they wait for. */
export function formatBoard(board: Board, config: OrchestratorConfig): string[] {
  const lines: string[] = [];
  const width = Math.max(0, ...[...board.milestones.keys(), ...board.sprints.keys()].map((id) => id.length));
  if (board.milestones.size > 0) lines.push('milestones:');
  for (const id of board.milestoneOrder) {
    const milestone = board.milestones.get(id);
    if (milestone === undefined) continue;
    const closed = milestone.sprints.filter((sprintId) => {
      const sprint = board.sprints.get(sprintId);
      return sprint !== undefined && isSettled(board, config, sprint);
    }).length;
    const unmet = isSettled(board, config, milestone) ? [] : (milestone.lastGates ?? []).filter((gate) => !gate.passed).map((gate) => `${gate.written}: ${gate.reason}`);
    const settled = isSettled(board, config, milestone);
    const approval = settled ? undefined : approvalWait(id, milestone.approval, config, milestone.approvalReason, 'a new approval');
    const risks = settled ? [] : milestoneRisks(board, milestone);
    lines.push(`  ${id.padEnd(width)}  ${stateOf(board, config, milestone).padEnd(15)} ${closed}/${milestone.sprints.length} sprint(s) done${unmet.length > 0 ? `; unmet: ${unmet.join('; ')}` : ''}${approval === undefined ? '' : `; waiting for ${approval}`}${risks.length > 0 ? `; at risk: ${risks.join('; ')}` : ''}`);
  }
  if (board.sprints.size > 0) lines.push('sprints:');
  for (const sprint of board.sprints.values()) {
    const view = sprintStateView(board, sprint, config);
    const waiting = view.waitingFor.length > 0 ? `waiting for ${view.waitingFor[0] as string}${view.waitingFor.length > 1 ? ` (+${view.waitingFor.length - 1} more: kairos status --sprint ${sprint.id})` : ''}` : '';
    lines.push(`  ${sprint.id.padEnd(width)}  ${view.state.padEnd(15)} ${waiting}`.trimEnd());
  }
  return lines;
}
