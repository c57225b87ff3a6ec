import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError, type Diagnostic } from '../../domain/errors/index.js';
import { MachineId } from '../../domain/fsm/machine-id.js';
import type { StateMachineDefinition } from '../../domain/fsm/state-machine-definition.js';
import { readSourceFile } from '../source/read-source-file.js';
import { defaultSourceLimits } from '../source/source-limits.js';
import { checkSource } from '../validation/check-source.js';
import { sortDiagnostics } from '../validation/sort-diagnostics.js';
import { normalizeStateMachine } from './normalize-state-machine.js';
import type { StateMachineFile } from './state-machine-schema.js';

/** The machine Kairos runs for each id: the workspace's replacement, else the default. */
export type MachineSet = Readonly<Record<MachineId, StateMachineDefinition>>;

const machineIds: readonly MachineId[] = Object.values(MachineId);
const yamlName = /\.ya?ml$/i;

/**
 * The folder holding the default machines (`machines/` at the package root), found by walking up
 * from this module, so it works from `src/` (tests) and from `dist/src/` (the built package).
 */
export function defaultMachinesFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'machines');
    if (existsSync(join(candidate, `${MachineId.Sprint}.yaml`)) && existsSync(join(dir, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the default machines (machines/*.yaml) above the Kairos modules; is the package complete?');
    dir = parent;
  }
}

/**
 * Reads one of the default machines shipped in `machines/<id>.yaml`, validated and normalised, with
 * its content hash as `version`.
 *
 * @throws ValidationError when the file is unreadable or invalid (a broken installation).
 */
export async function loadDefaultMachine(id: MachineId): Promise<StateMachineDefinition> {
  const definition = await loadMachineFile(join(defaultMachinesFolder(), `${id}.yaml`), id);
  if (definition.id !== id) {
    throw new ValidationError([{ severity: 'error', file: join(defaultMachinesFolder(), `${id}.yaml`), line: 1, column: 1, path: 'id', message: `the default ${id} machine is named ${definition.id}` }]);
  }
  return definition;
}

/**
 * The machines a workspace runs: each default, unless `planning/fsm/` replaces it (by the file's
 * `id`, else its base name). Given a loaded workspace, its already validated `stateMachines` are
 * used; given a folder, the files are read and validated here.
 *
 * @throws ValidationError listing every problem when a replacement file has an error.
 */
export async function loadMachines(workspace: string | { stateMachines: readonly StateMachineDefinition[] }): Promise<MachineSet> {
  const replacements = typeof workspace === 'string' ? await readReplacements(workspace) : workspace.stateMachines;
  const entries = await Promise.all(
    machineIds.map(async (id): Promise<[MachineId, StateMachineDefinition]> => [id, replacements.find((m) => m.id === id) ?? (await loadDefaultMachine(id))]),
  );
  return Object.fromEntries(entries) as Record<MachineId, StateMachineDefinition>;
}

async function readReplacements(root: string): Promise<StateMachineDefinition[]> {
  const folder = join(root, 'planning', 'fsm');
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && yamlName.test(e.name)).map((e) => e.name).sort();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  const diagnostics: Diagnostic[] = [];
  const machines: StateMachineDefinition[] = [];
  const files: string[] = [];
  for (const name of names) {
    try {
      machines.push(await loadMachineFile(join(folder, name), name.replace(yamlName, '')));
      files.push(name);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      diagnostics.push(...error.diagnostics);
    }
  }
  machines.forEach((machine, index) => {
    const first = machines.findIndex((other) => other.id === machine.id);
    if (first === index) return;
    const file = join(folder, files[index] as string);
    diagnostics.push({ severity: 'error', file, line: 1, column: 1, path: '', message: `${files[first] as string} already replaces the ${machine.id} machine` });
  });
  if (diagnostics.some((d) => d.severity === 'error')) throw new ValidationError(sortDiagnostics(diagnostics));
  return machines;
}

async function loadMachineFile(path: string, fallbackId: string): Promise<StateMachineDefinition> {
  const read = await readSourceFile(path, defaultSourceLimits);
  if (!read.ok) throw new ValidationError([read.diagnostic]);
  const checked = checkSource(read.text, path, { kind: 'state-machine' });
  if (!checked.valid) throw new ValidationError(sortDiagnostics(checked.diagnostics));
  return normalizeStateMachine(checked.source.value as StateMachineFile, fallbackId);
}
