import { spawnSync } from 'node:child_process';

/** What `promtool check metrics` said of an exposition: its exit status and its findings, one per line. */
export interface MetricsCheck {
  status: number | null;
  findings: string[];
}

/** Runs `promtool check metrics` on `exposition` (promtool exits 1 for a text it cannot parse, 3 for lint findings only). */
export function checkMetrics(promtool: string, exposition: string): MetricsCheck {
  const result = spawnSync(promtool, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  const findings = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
  return { status: result.status, findings: [...new Set(findings)] };
}

/**
 * The one finding Kairos' metrics are expected to have: the spec names the labels of
 * `agent_execution_duration_seconds` in camelCase (`agentId`, `sprintId`, …), which promtool's
 * style lint (not its parser) flags. Anything else is a defect.
 */
export const specLabelsOnly: MetricsCheck = {
  status: 3,
  findings: ["agent_execution_duration_seconds label names should be written in 'snake_case' not 'camelCase'"],
};
