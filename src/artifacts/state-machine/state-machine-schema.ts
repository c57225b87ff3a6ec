import { z } from 'zod';
import { isTargetRef } from '../../domain/fsm/target-ref.js';
import { didYouMean } from '../../domain/text/closest-match.js';
import { awaitedEventSchema, emittedEventSchema } from '../schema/event-name-schema.js';
import { gateConditionListSchema, gateConditionSchema } from '../schema/gate-condition-schema.js';
import { isRecord } from '../schema/is-record.js';
import { openObject } from '../schema/open-object.js';
import type { PathSegment } from '../source/format-path.js';
import { stringListSchema, stringOrListSchema } from '../schema/string-list-schema.js';
import { warningIssue } from '../schema/warning-issue.js';
import { anyState } from './any-state.js';
import { checkMachineDefinition } from './check-machine-definition.js';

export { anyState } from './any-state.js';

/** One transition: `{from, on, to}` plus optional `guard` gates, `emit` events and `activate` roles. */
export const transitionSchema = openObject({
  from: stringOrListSchema.describe('Source state(s); "*" is every state but the final ones.'),
  on: awaitedEventSchema.describe('The event (or FSM signal) that fires the transition.'),
  to: z.string().min(1).describe('The state entered; `$history` returns to the state left on entering the current one, `$earlier` to a visited state the event names.'),
  guard: z.union([gateConditionSchema, gateConditionListSchema]).optional().describe('Gates that must pass.'),
  emit: z.union([emittedEventSchema, z.array(emittedEventSchema)]).optional().describe('Events appended on entering `to`.'),
  activate: stringOrListSchema.optional().describe('Agent roles started on entering `to`.'),
});

/** A state machine file (`planning/fsm/<id>.yaml`). */
export const stateMachineFileSchema = openObject({
  id: z.string().min(1).optional().describe('Which machine this is (sprint, milestone, phase); defaults to the file name.'),
  description: z.string().optional(),
  initial: z.string().optional().describe('The first state; the first of `states` when absent.'),
  states: z.array(z.string().min(1)).min(1),
  final: stringListSchema.optional(),
  transitions: z.array(transitionSchema),
})
  .superRefine(checkStateNames, { when: (payload) => isRecord(payload.value) })
  // Runs once the shapes are right: what only the whole machine shows (reachability, exits of final states).
  .superRefine(checkMachineDefinition);

function checkStateNames(machine: Record<string, unknown>, context: z.RefinementCtx): void {
  if (!Array.isArray(machine.states)) return;
  const states = machine.states.filter((state): state is string => typeof state === 'string');
  const seen = new Set<string>();
  states.forEach((state, index) => {
    if (seen.has(state)) context.addIssue({ code: 'custom', path: ['states', index], message: `state ${state} is listed twice` });
    seen.add(state);
  });
  const requireState = (name: unknown, path: PathSegment[], role: string): void => {
    if (typeof name !== 'string' || seen.has(name)) return;
    context.addIssue({ code: 'custom', path, message: `${role} ${name} is not one of the states${didYouMean(name, states)}` });
  };
  requireState(machine.initial, ['initial'], 'initial state');
  if (Array.isArray(machine.final)) machine.final.forEach((name, index) => requireState(name, ['final', index], 'final state'));
  if (!Array.isArray(machine.transitions)) return;
  const unguarded = new Map<string, number>();
  machine.transitions.forEach((transition, index) => {
    if (!isRecord(transition)) return;
    const sources = typeof transition.from === 'string' ? [transition.from] : Array.isArray(transition.from) ? transition.from : [];
    sources.forEach((source, position) => {
      if (source === anyState) return;
      requireState(source, typeof transition.from === 'string' ? ['transitions', index, 'from'] : ['transitions', index, 'from', position], 'from state');
      if (transition.guard !== undefined || typeof source !== 'string' || typeof transition.on !== 'string') return;
      const key = `${source}\u0000${transition.on}`;
      const earlier = unguarded.get(key);
      if (earlier === undefined) unguarded.set(key, index);
      else {
        context.addIssue(
          warningIssue(`transitions[${earlier}] already leaves ${source} on ${transition.on} without a guard, so this one is never taken`, ['transitions', index]),
        );
      }
    });
    if (typeof transition.to !== 'string' || !isTargetRef(transition.to)) requireState(transition.to, ['transitions', index, 'to'], 'target state');
  });
}

/** A valid state machine file. */
export type StateMachineFile = z.infer<typeof stateMachineFileSchema>;
