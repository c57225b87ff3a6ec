import { isArtifactKind, type ArtifactKind } from '../artifact-kind.js';
import { isRecord } from '../schema/is-record.js';

/** File names that say their kind when the content does not. */
const kindsByFileName: Readonly<Record<string, ArtifactKind>> = {
  'sprint-plan': 'sprints',
  'updated-sprint-plan': 'sprints',
};

/**
 * The kind of a parsed file, from its top-level keys (`milestones`, `sprints`, `states`,
 * `planningMode`, `agents`, `features` or a list of `featureId` items, `checks` alone for a security
 * policy, and the shapes of the JSON artifacts), else from its file name (`execution-metadata.json`,
 * `pipeline.yaml`); undefined when neither tells.
 */
export function detectKind(value: unknown, file: string): ArtifactKind | undefined {
  return kindFromContent(value) ?? kindFromFileName(file);
}

function kindFromContent(value: unknown): ArtifactKind | undefined {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (!isRecord(first) || !('featureId' in first)) return undefined;
    return 'tests' in first ? 'feature-test-link' : 'features';
  }
  if (!isRecord(value)) return undefined;
  const has = (key: string): boolean => key in value;
  if (has('milestones')) return 'milestones';
  if (has('sprints')) return 'sprints';
  if (has('states')) return 'state-machine';
  if (has('planningMode')) return 'factory-governance';
  if (typeof value.event === 'string' || (has('eventId') && has('type'))) return 'event';
  if (has('agents')) return 'agents';
  if (has('features')) return has('sprintId') ? 'sprint-trace-matrix' : 'features';
  if (has('currentState') && has('allowedSkills')) return 'fsm-context';
  if (has('featureId') && has('tests')) return 'feature-test-link';
  // A policy lists the checks to run; an audit of them names its sprint and status.
  if (has('checks') && !has('sprintId') && !has('status') && !has('issues') && !has('validatedBy')) return 'security-policy';
  if (has('checks') || has('validatedBy')) return 'security-audit';
  if (has('agentId') && has('skillId')) return 'execution-metadata';
  return undefined;
}

function kindFromFileName(file: string): ArtifactKind | undefined {
  const base = (file.split(/[\\/]/).at(-1) ?? '').replace(/\.(ya?ml|json)$/i, '');
  return isArtifactKind(base) ? base : kindsByFileName[base];
}
