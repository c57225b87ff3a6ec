import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors/index.js';
import { loadWorkspace } from './load-workspace.js';

const booking = fileURLToPath(new URL('../../../examples/booking/', import.meta.url));

describe('loadWorkspace', () => {
  it('loads the booking example', async () => {
    const workspace = await loadWorkspace(booking);
    expect(workspace.milestones).toHaveLength(4);
    expect(workspace.agents.map((agent) => agent.id)).toContain('policy-validator');
  });

  it('throws a ValidationError carrying every diagnostic, warnings included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kairos-load-'));
    cpSync(booking, dir, { recursive: true });
    writeFileSync(join(dir, 'planning', 'sprint-plan.yaml'), 'sprints:\n  - id: sprint-9\n    milestone: nowhere\n    colour: red\n  - id: sprint-9\n');
    const error = await loadWorkspace(dir).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ValidationError);
    const diagnostics = (error as ValidationError).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}`)).toEqual([
      '3:16: error: sprint sprint-9 belongs to milestone nowhere, which milestones.yaml does not define',
      '4:5: warning: unknown key colour is kept but not used',
      '5:9: error: duplicate sprint id sprint-9 (first defined at line 2)',
    ]);
    expect((error as ValidationError).message).toMatch(/sprint-plan\.yaml:3:16: sprint sprint-9 belongs to milestone nowhere/);
  });
});
