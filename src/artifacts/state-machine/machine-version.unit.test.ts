import { describe, expect, it } from 'vitest';
import { checkSource } from '../validation/check-source.js';
import { normalizeStateMachine } from './normalize-state-machine.js';
import type { StateMachineFile } from './state-machine-schema.js';

const versionOf = (text: string) => normalizeStateMachine(checkSource(text, 'sprint.yaml', { kind: 'state-machine' }).source.value as StateMachineFile, 'sprint').version;

describe('machine versions', () => {
  const base = 'states: [A, B]\ntransitions:\n  - {from: A, on: SprintPlanned, to: B}\n';

  it('are a 16-digit content hash that layout, comments and key order do not change', () => {
    expect(versionOf(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(versionOf('# the same machine\ntransitions:\n  - to: B\n    on: SprintPlanned\n    from: [A]\nstates:\n  - A\n  - B\n')).toBe(versionOf(base));
  });

  it('change with any change of the machine', () => {
    const changed = [
      base.replace('[A, B]', '[A, B, C]'),
      base.replace('to: B}', 'to: B, emit: SprintStarted}'),
      base.replace('to: B}', 'to: B, guard: testsPassed}'),
      base.replace('to: B}', 'to: B, activate: qa}'),
      `id: other\n${base}`,
    ];
    const versions = new Set([base, ...changed].map(versionOf));
    expect(versions.size).toBe(changed.length + 1);
  });
});
