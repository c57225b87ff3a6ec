import { stringify } from 'yaml';
import { canonicalJson, EventType } from '../../domain/events/index.js';
import { boardMachineOf, recoveryView, sprintStateView, waitsOn, type Board, type OrchestratorConfig, type SprintRecord } from '../../domain/orchestrator/index.js';
import { featureTestLinks, sprintTraceMatrix, type FeatureTestLink } from '../../domain/trace/index.js';

/** A file under `execution/<sprintId>/`, by its name there, with the content it must have. */
export interface SprintFile {
  name: string;
  content: string;
}

/**
 * The files the orchestrator keeps for a sprint, all pure views of the board: `fsm-state.json`
 * always; `execution-errors.json`, `retry-history.json` and `recovery-plan.yaml` once one of its
 * executions failed; and, unless only the state files are asked for (`traceFiles: false`, while the
 * orchestrator is busy), `sprint-trace-matrix.json` (canonical JSON) and `feature-test-link.yaml`
 * (read from the matrix). `kairos replay --verify` compares them byte for byte.
 */
export function sprintFiles(board: Board, sprint: SprintRecord, config: OrchestratorConfig, { traceFiles = true }: { traceFiles?: boolean } = {}): SprintFile[] {
  const state = sprintStateView(board, sprint, config);
  const files: SprintFile[] = [{ name: 'fsm-state.json', content: json(state) }];
  if (traceFiles) {
    const matrix = sprintTraceMatrix(sprint);
    files.push(
      { name: 'sprint-trace-matrix.json', content: `${canonicalJson(matrix)}\n` },
      { name: 'feature-test-link.yaml', content: `# Features of ${sprint.id} and their tests (written by kairos run from sprint-trace-matrix.json)\n${linksYaml(featureTestLinks(matrix))}` },
    );
  }
  const machine = boardMachineOf(board, config, sprint.instance);
  const patchable = machine !== undefined && waitsOn(machine, sprint.instance.state, EventType.PatchEmitted);
  const recovery = recoveryView(sprint, state.state, config, patchable);
  if (recovery !== undefined) {
    files.push(
      { name: 'execution-errors.json', content: json(recovery.errors) },
      { name: 'retry-history.json', content: json(recovery.history) },
      { name: 'recovery-plan.yaml', content: `# What failed in ${sprint.id} and the actions open (written by kairos run; see kairos status --sprint ${sprint.id})\n${stringify(recovery.plan, { lineWidth: 0 })}` },
    );
  }
  return files;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The links as a YAML block list whose values are JSON (a JSON string or list is a valid YAML
 * flow scalar or sequence): what the yaml library writes, at a tenth of its cost, which counts when
 * a run's idle step writes ten thousand sprints.
 */
export function linksYaml(links: readonly FeatureTestLink[]): string {
  if (links.length === 0) return '[]\n';
  let text = '';
  for (const link of links) {
    text += `- featureId: ${JSON.stringify(link.featureId)}\n  tests: ${JSON.stringify(link.tests)}\n  status: ${JSON.stringify(link.status)}\n`;
    if (link.coverage !== undefined) text += `  coverage: ${JSON.stringify(link.coverage)}\n`;
  }
  return text;
}
