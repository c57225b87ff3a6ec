import type { z } from 'zod';
import type { MachineDiagnostic, MachineProblem } from '../../domain/fsm/machine-diagnostic.js';
import type { StateMachineDefinition } from '../../domain/fsm/state-machine-definition.js';
import { validateMachineDefinition } from '../../domain/fsm/validate-machine-definition.js';
import type { PathSegment } from '../source/format-path.js';
import { warningIssue } from '../schema/warning-issue.js';
import { anyState } from './any-state.js';
import { normalizeStateMachine } from './normalize-state-machine.js';
import type { StateMachineFile } from './state-machine-schema.js';

// The file schema already reports these on the raw document, even when other parts of it are broken.
const reportedBySchema: ReadonlySet<MachineProblem> = new Set<MachineProblem>([
  'no-states',
  'duplicate-state',
  'unknown-initial',
  'unknown-final',
  'unknown-source',
  'unknown-target',
  'unknown-emitted-event',
  'unheard-event',
  'shadowed-transition',
]);

/**
 * Runs the engine's definition checks ({@link validateMachineDefinition}) on a state machine file
 * whose shapes are valid, and reports what the schema cannot see (unreachable states, exits from
 * final states, reserved state names) at the file's own paths, so they get a line and column.
 */
export function checkMachineDefinition(file: StateMachineFile, context: z.RefinementCtx): void {
  const definition = normalizeStateMachine(file, 'machine');
  for (const diagnostic of validateMachineDefinition(definition)) {
    if (reportedBySchema.has(diagnostic.problem)) continue;
    const path = filePath(diagnostic, file, definition);
    if (diagnostic.severity === 'warning') context.addIssue(warningIssue(diagnostic.message, path));
    else context.addIssue({ code: 'custom', message: diagnostic.message, path });
  }
}

/** Maps a path into the normalised definition back to the file: lists there may be deduplicated or hold `*`. */
function filePath(diagnostic: MachineDiagnostic, file: StateMachineFile, definition: StateMachineDefinition): PathSegment[] {
  const [key, index, field, position] = diagnostic.path;
  if (typeof index !== 'number') return diagnostic.path;
  if (key === 'states') return ['states', Math.max(0, file.states.indexOf(definition.states[index] ?? ''))];
  if (key === 'final' && Array.isArray(file.final)) return ['final', Math.max(0, file.final.indexOf(definition.final[index] ?? ''))];
  if (key !== 'transitions' || typeof position !== 'number') return diagnostic.path;
  const raw = file.transitions[index];
  const normalised = definition.transitions[index];
  if (raw === undefined || normalised === undefined) return diagnostic.path;
  if (field === 'from') {
    if (typeof raw.from === 'string') return ['transitions', index, 'from'];
    const name = normalised.from[position] ?? '';
    const at = raw.from.indexOf(name);
    return ['transitions', index, 'from', at >= 0 ? at : Math.max(0, raw.from.indexOf(anyState))];
  }
  if (field === 'emit') {
    if (typeof raw.emit === 'string' || raw.emit === undefined) return ['transitions', index, 'emit'];
    return ['transitions', index, 'emit', Math.max(0, raw.emit.indexOf(normalised.emit[position] ?? ''))];
  }
  return diagnostic.path;
}
