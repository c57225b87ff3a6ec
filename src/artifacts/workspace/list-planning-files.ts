import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../domain/errors/index.js';
import { closestMatch } from '../../domain/text/closest-match.js';
import type { ArtifactKind } from '../artifact-kind.js';
import { planningFileKinds, stateMachineFolder, visionFile } from './planning-file-kinds.js';

/** A planning file found in a workspace, with the kind its name gives it. */
export interface PlanningFile {
  path: string;
  kind: ArtifactKind;
}

/** What `planning/` holds. */
export interface PlanningListing {
  files: PlanningFile[];
  vision: string | undefined;
  /** Warnings about YAML files Kairos does not read (likely misnamed); errors when there is no `planning/`. */
  diagnostics: Diagnostic[];
}

const yamlName = /\.ya?ml$/i;

/**
 * Lists `planning/*.yaml` (by their known names; `.yml` works too) and `planning/fsm/*.yaml`, in
 * a stable order. A YAML file with another name is reported (with a did-you-mean), not read.
 */
export async function listPlanningFiles(root: string): Promise<PlanningListing> {
  const planning = join(root, 'planning');
  const diagnostics: Diagnostic[] = [];
  let entries;
  try {
    entries = await readdir(planning, { withFileTypes: true });
  } catch {
    diagnostics.push({ severity: 'error', file: planning, line: 1, column: 1, path: '', message: 'no planning/ folder here: not a Kairos workspace (kairos init creates one)' });
    return { files: [], vision: undefined, diagnostics };
  }
  const known = Object.keys(planningFileKinds);
  const files: PlanningFile[] = [];
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const name = entry.name.replace(/\.yml$/i, '.yaml');
    const kind = planningFileKinds[name];
    if (kind !== undefined) files.push({ path: join(planning, entry.name), kind });
    else if (yamlName.test(entry.name)) {
      const suggestion = closestMatch(name, known);
      const hint = suggestion === undefined ? `; it reads ${known.join(', ')}` : ` (did you mean ${suggestion}?)`;
      diagnostics.push({ severity: 'warning', file: join(planning, entry.name), line: 1, column: 1, path: '', message: `Kairos does not read this file${hint}` });
    }
  }
  files.sort((a, b) => known.indexOf(baseOf(a.path)) - known.indexOf(baseOf(b.path)));
  const vision = entries.some((e) => e.isFile() && e.name === visionFile) ? join(planning, visionFile) : undefined;
  if (entries.some((e) => e.isDirectory() && e.name === stateMachineFolder)) {
    const folder = join(planning, stateMachineFolder);
    const machines = await readdir(folder, { withFileTypes: true });
    for (const machine of machines.filter((e) => e.isFile() && yamlName.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
      files.push({ path: join(folder, machine.name), kind: 'state-machine' });
    }
  }
  return { files, vision, diagnostics };
}

function baseOf(path: string): string {
  return (path.split(/[\\/]/).at(-1) ?? '').replace(/\.yml$/i, '.yaml');
}
