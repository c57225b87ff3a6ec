import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/events/canonical-json.js';
import type { StateMachineDefinition } from '../../domain/fsm/state-machine-definition.js';

/**
 * A definition's version: the first 16 hex digits of the sha256 of its canonical JSON (without
 * `version`). Layout, comments and key order of the YAML do not change it; any change of states,
 * transitions, guards, emitted events or activated roles does.
 *
 * @example machineVersion(definition) // 'c0ffee12deadbeef'
 */
export function machineVersion(definition: Omit<StateMachineDefinition, 'version'>): string {
  const { id, initial, states, final, transitions } = definition;
  return createHash('sha256').update(canonicalJson({ id, initial, states, final, transitions })).digest('hex').slice(0, 16);
}
