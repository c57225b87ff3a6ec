import { agentSymbols } from '../agents/agent-symbols.js';
import type { ArtifactKind } from '../artifact-kind.js';
import { featureSymbols } from '../features/feature-symbols.js';
import { governanceSymbols } from '../governance/governance-symbols.js';
import { milestoneSymbols } from '../milestones/milestone-symbols.js';
import { sprintSymbols } from '../sprints/sprint-symbols.js';
import { stateMachineSymbols } from '../state-machine/state-machine-symbols.js';
import { emptySymbols, type PlanningSymbols } from './planning-symbols.js';

/** The names a file of `kind` defines and uses; JSON artifacts, pipeline.yaml and security-policy.yaml take part in no cross-file check. */
export function symbolsOf(kind: ArtifactKind, data: unknown, file: string): PlanningSymbols {
  switch (kind) {
    case 'milestones':
      return milestoneSymbols(data, file);
    case 'sprints':
      return sprintSymbols(data, file);
    case 'features':
      return featureSymbols(data, file);
    case 'agents':
      return agentSymbols(data, file);
    case 'factory-governance':
      return governanceSymbols(data, file);
    case 'state-machine':
      return stateMachineSymbols(data, file, baseName(file));
    case 'pipeline':
    case 'security-policy':
    case 'event':
    case 'execution-metadata':
    case 'sprint-trace-matrix':
    case 'security-audit':
    case 'fsm-context':
    case 'feature-test-link':
      return emptySymbols();
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** `planning/fsm/sprint.yaml` → `sprint`. */
export function baseName(file: string): string {
  return (file.split(/[\\/]/).at(-1) ?? file).replace(/\.(ya?ml|json)$/i, '');
}
