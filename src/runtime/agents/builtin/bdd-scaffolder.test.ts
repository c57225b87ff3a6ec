import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExecutionRequest } from '../../../domain/orchestrator/index.js';
import { parseFeature } from '../../../domain/scaffold/testing/index.js';
import { bddScaffolder } from './bdd-scaffolder.js';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kairos-bdd-'));
  mkdirSync(join(dir, 'planning'));
  writeFileSync(
    join(dir, 'planning', 'features.yaml'),
    `- featureId: BookingFlow
  title: Book Appointment
  module: BookingService
  acceptanceCriteria:
    - Given a new booking with date "2025-05-16" when the booking is submitted then an AppointmentBooked event is emitted
    - A confirmation email is sent
- featureId: Notifications
  title: Booking notifications
`,
  );
  return dir;
}

const request: ExecutionRequest = {
  executionId: 'exec:sprint-3#4:test-generator',
  agentId: 'test-generator',
  role: 'test-generator',
  sprintId: 'sprint-3',
  milestoneId: 'mvp-core',
  currentState: 'Active',
  traceId: 'trace-abc123',
  correlationId: 'c',
  causationId: 'x',
  features: ['BookingFlow', 'Notifications'],
  allowedSkills: ['GenerateSpecFlowTest'],
};

describe('built-in bdd-scaffolder agent', () => {
  it('writes a parseable Gherkin file per feature and reports the files and the feature → tests link', async () => {
    const dir = workspace();
    const outcome = await bddScaffolder.run(request, { workspace: dir, signal: new AbortController().signal });
    expect(outcome.status).toBe('completed');
    const text = readFileSync(join(dir, 'tests', 'features', 'BookAppointment.feature'), 'utf8');
    const parsed = parseFeature(text);
    expect(parsed.name).toBe('Book Appointment');
    expect(parsed.tags).toEqual(expect.arrayContaining(['@sprint-3', '@mvp-core', '@trace-abc123', '@BookingService']));
    expect(outcome.reports?.filter((report) => report.type === 'TestCasesGenerated')).toEqual([
      { type: 'TestCasesGenerated', featureId: 'BookingFlow', data: { featureId: 'BookingFlow', tests: ['tests/features/BookAppointment.feature'], status: 'needsSteps', scenarios: 2, pendingScenarios: 1 } },
      { type: 'TestCasesGenerated', featureId: 'Notifications', data: { featureId: 'Notifications', tests: ['tests/features/BookingNotifications.feature'], status: 'missingCriteria', scenarios: 1, pendingScenarios: 1 } },
    ]);
  });

  it('keeps a file a person edited, and fails with the reason for a feature the backlog does not know', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'tests', 'features'), { recursive: true });
    const edited = 'Feature: Book Appointment\n  Scenario: written by hand\n    Given x\n    When y\n    Then z\n';
    writeFileSync(join(dir, 'tests', 'features', 'BookAppointment.feature'), edited);
    const outcome = await bddScaffolder.run(request, { workspace: dir, signal: new AbortController().signal });
    expect(readFileSync(join(dir, 'tests', 'features', 'BookAppointment.feature'), 'utf8')).toBe(edited);
    expect(outcome.reports?.find((report) => report.type === 'ArtifactProduced' && report.featureId === 'BookingFlow')?.data).toMatchObject({ generated: false });
    const unknown = await bddScaffolder.run({ ...request, features: ['Nope'] }, { workspace: dir, signal: new AbortController().signal });
    expect(unknown).toEqual({ status: 'failed', reason: 'not in planning/features.yaml: Nope' });
  });
});
