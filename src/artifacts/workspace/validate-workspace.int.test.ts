import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../domain/errors/index.js';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { validateWorkspace } from './validate-workspace.js';

const booking = fileURLToPath(new URL('../../../examples/booking/', import.meta.url));

function copyOfBooking(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kairos-booking-'));
  cpSync(booking, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, 'planning', file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** The 1-based line of the first line containing `needle` in a planning file (after the line containing `after`). */
function lineOf(dir: string, file: string, needle: string, after = ''): number {
  const lines = readFileSync(join(dir, 'planning', file), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.includes(after));
  return lines.findIndex((line, index) => index >= start && line.includes(needle)) + 1;
}

const shown = (dir: string, diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((d) => `${relative(dir, d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);

describe('validateWorkspace', () => {
  it('validates the booking example clean and normalises it', async () => {
    const report = await validateWorkspace(booking);
    expect(report.diagnostics).toEqual([]);
    expect(report.files.map((file) => [relative(booking, file.file), file.kind])).toEqual([
      ['planning/milestones.yaml', 'milestones'],
      ['planning/features.yaml', 'features'],
      ['planning/sprints.yaml', 'sprints'],
      ['planning/agents.yaml', 'agents'],
      ['planning/factory-governance.yaml', 'factory-governance'],
      ['planning/pipeline.yaml', 'pipeline'],
      ['planning/security-policy.yaml', 'security-policy'],
    ]);
    const workspace = report.workspace;
    expect(workspace?.milestones.map((m) => m.id)).toEqual(['mvp-foundation', 'mvp-core', 'mvp-qa', 'mvp-ready']);
    expect(workspace?.milestones.at(-1)).toMatchObject({ allowsDeferred: true, owner: 'product-owner', versionTag: 'mvp-ready-v1' });
    expect(workspace?.features.map((f) => f.id)).toEqual(
      expect.arrayContaining(['BookingFlow', 'Notifications.Email.Send', 'Auth.Login', 'Booking.Aggregate', 'Booking.DomainEvent', 'BaseContractLib', 'BookingFlowTests', 'NotificationEdgeCaseTests', 'SwaggerUI', 'Diagrams', 'ReleaseNotes', 'BookingService.Create', 'Notification.Send', 'User.Onboarding']),
    );
    expect(workspace?.features.every((f) => f.priority !== undefined && f.requiredBy !== undefined && f.acceptanceCriteria.length > 0 && f.module !== undefined)).toBe(true);
    expect(workspace?.sprints.find((s) => s.id === 'sprint-1')).toMatchObject({ milestone: 'mvp-foundation', agents: ['ProductOwner', 'BackendDeveloper', 'TestGenerator', 'DevOpsEngineer'] });
    expect(workspace?.sprints.at(-1)).toMatchObject({ milestone: 'mvp-ready', approvalRequired: true });
    expect(workspace?.agents.find((a) => a.id === 'backend-developer')?.executor).toEqual({ type: 'command', command: ['node', 'agents/generate-handler.mjs'], env: {} });
    expect(workspace?.governance).toMatchObject({ planningMode: 'assisted', approvalRoles: ['product-owner', 'domain-lead'], deploymentFreeze: ['mvp-ready'] });
    expect(workspace?.vision).toBe(join(booking, 'planning', 'vision.md'));
    expect(workspace?.proposedSprints).toEqual([]);
  });

  it('starts every planning file with the modeline of its schema', () => {
    const kinds = {
      'milestones.yaml': 'milestones',
      'features.yaml': 'features',
      'sprints.yaml': 'sprints',
      'agents.yaml': 'agents',
      'factory-governance.yaml': 'factory-governance',
      'pipeline.yaml': 'pipeline',
      'security-policy.yaml': 'security-policy',
    };
    for (const [file, kind] of Object.entries(kinds)) {
      expect(readFileSync(join(booking, 'planning', file), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=../schemas/${kind}.schema.json`);
    }
  });

  it('reports every problem of a broken copy at once, in and across files', async () => {
    const dir = copyOfBooking();
    edit(dir, 'milestones.yaml', '      - allTestsPassed', '      - allTestPassed');
    edit(dir, 'features.yaml', '  priority: P4', '  priority: P7');
    edit(dir, 'features.yaml', '  requiredBy: milestone:mvp-foundation\n  estimatedEffort: 2\n  agentRoles: [backend-developer]', '  requiredBy: milestone:mvp-foundation\n  dependsOn: BookingFlow\n  estimatedEffort: 2\n  agentRoles: [backend-developer]');
    edit(dir, 'features.yaml', '  dependsOn: Notification.Send', '  dependsOn: Notification.Sent');
    edit(dir, 'sprints.yaml', '    milestone: mvp-qa', '    milestone: mvp-qa-1');
    edit(dir, 'agents.yaml', '  - id: documentation\n    name: Documentation Agent\n    roles: [documentation]', '  - id: docs\n    name: Documentation Agent\n    roles: [docs]');
    writeFileSync(join(dir, 'planning', 'sprint-plan.yaml'), 'sprints:\n  - id: sprint-2\n');
    writeFileSync(join(dir, 'planning', 'milestone.yaml'), 'milestones: []\n');

    const report = await validateWorkspace(dir);
    expect(report.workspace).toBeUndefined();
    const at = (file: string, needle: string, after = '') => `planning/${file}:${lineOf(dir, file, needle, after)}`;
    expect(shown(dir, report.diagnostics)).toEqual([
      'planning/milestone.yaml:1:1: warning: Kairos does not read this file (did you mean milestones.yaml?)',
      `${at('milestones.yaml', 'allTestPassed')}:9: error: unknown gate allTestPassed (did you mean allTestsPassed?)`,
      `${at('features.yaml', 'dependsOn: BookingFlow')}:14: error: dependsOn cycle: BaseContractLib → BookingFlow → BookingService.Create → BaseContractLib`,
      `${at('features.yaml', 'Notification.Sent')}:14: warning: feature Notifications.Email.Send depends on Notification.Sent, which features.yaml does not define (did you mean Notification.Send?); the planner will defer it as a missing prerequisite`,
      `${at('features.yaml', 'agentRoles', 'featureId: SwaggerUI')}:16: error: feature SwaggerUI needs agent role documentation, which no agent in agents.yaml provides`,
      `${at('features.yaml', 'P7')}:13: error: priority must be one of P1, P2, P3, P4, got P7`,
      `${at('features.yaml', 'agentRoles', 'featureId: Diagrams')}:16: error: feature Diagrams needs agent role documentation, which no agent in agents.yaml provides`,
      `${at('features.yaml', 'agentRoles', 'featureId: ReleaseNotes')}:16: error: feature ReleaseNotes needs agent role documentation, which no agent in agents.yaml provides`,
      `${at('sprints.yaml', 'mvp-qa-1')}:16: error: sprint sprint-4 belongs to milestone mvp-qa-1, which milestones.yaml does not define (did you mean mvp-qa?)`,
      `${at('sprints.yaml', 'agents: [documentation')}:14: error: sprint sprint-5 needs agent role documentation, which no agent in agents.yaml provides`,
      `planning/sprint-plan.yaml:2:9: error: duplicate sprint id sprint-2 (first defined at sprints.yaml line ${lineOf(dir, 'sprints.yaml', 'id: sprint-2')})`,
      `${at('factory-governance.yaml', 'documentation: 4')}:5: warning: capacity.roleEffort names agent role documentation, which no agent in agents.yaml provides`,
    ]);
    const byFile = Object.fromEntries(report.files.map((file) => [relative(dir, file.file), file.diagnostics.length]));
    expect(byFile).toEqual({
      'planning/milestones.yaml': 1,
      'planning/features.yaml': 6,
      'planning/sprints.yaml': 2,
      'planning/sprint-plan.yaml': 1,
      'planning/agents.yaml': 0,
      'planning/factory-governance.yaml': 1,
      'planning/pipeline.yaml': 0,
      'planning/security-policy.yaml': 0,
    });
  });

  it('reports a file that does not parse and still checks the others', async () => {
    const dir = copyOfBooking();
    writeFileSync(join(dir, 'planning', 'agents.yaml'), 'agents: [\n');
    edit(dir, 'sprints.yaml', '    milestone: mvp-qa', '    milestone: mvp-qa-1');
    const report = await validateWorkspace(dir);
    expect(report.diagnostics.map((d) => `${relative(dir, d.file)}: ${d.severity}`)).toEqual(['planning/sprints.yaml: error', 'planning/agents.yaml: error']);
  });

  it('skips checks whose file is absent, reads state machines, and fills default governance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kairos-partial-'));
    mkdirSync(join(dir, 'planning', 'fsm'), { recursive: true });
    writeFileSync(join(dir, 'planning', 'features.yaml'), '- featureId: A\n  agentRoles: [nobody]\n  requiredBy: milestone:nowhere\n');
    writeFileSync(join(dir, 'planning', 'fsm', 'sprint.yaml'), readSpecFixture('state-machine-sprint.yaml'));
    const report = await validateWorkspace(dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.workspace).toMatchObject({ features: [{ id: 'A' }], governance: { planningMode: 'assisted' }, stateMachines: [{ id: 'sprint', initial: 'Planning' }] });
  });

  it('refuses a folder without planning/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kairos-empty-'));
    const report = await validateWorkspace(dir);
    expect(shown(dir, report.diagnostics)).toEqual(['planning:1:1: error: no planning/ folder here: not a Kairos workspace (kairos init creates one)']);
    expect(report.files).toEqual([]);
  });
});
