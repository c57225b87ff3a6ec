import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('features.yaml schema', () => {
  it("accepts the spec's backlog item as written (its prerequisite is simply not in this one-item backlog)", () => {
    const report = validateText(readSpecFixture('features-backlog-item.yaml'), 'features.yaml');
    expect(report.kind).toBe('features');
    expect(report.diagnostics.map(formatForTest)).toEqual([
      'features.yaml:5:14: warning: feature Notifications.Email.Send depends on Booking.Created, which features.yaml does not define; the planner will defer it as a missing prerequisite (at [0].dependsOn)',
    ]);
  });

  it('accepts a top-level list, a features list and a features map keyed by id', () => {
    const item = ['priority: P2', 'status: InProgress', 'effortEstimate: 3', 'acceptanceCriteria: [It works]', 'module: BookingService'];
    const forms = [
      yaml('- featureId: A', ...item.map((line) => `  ${line}`)),
      yaml('features:', '  - featureId: A', ...item.map((line) => `    ${line}`)),
      yaml('features:', '  A:', ...item.map((line) => `    ${line}`)),
    ];
    for (const text of forms) {
      const report = validateText(text, 'features.yaml');
      expect(report.kind).toBe('features');
      expect(report.diagnostics).toEqual([]);
    }
  });

  it('accepts every capitalisation of status the spec uses', () => {
    for (const status of ['planned', 'Planned', 'inProgress', 'InProgress', 'in-progress', 'completed', 'Completed', 'deferred', 'Deferred']) {
      expect(validateText(yaml('- featureId: A', `  status: ${status}`), 'f.yaml').diagnostics).toEqual([]);
    }
  });

  it('reports bad priorities, statuses, efforts and requiredBy, each located', () => {
    const text = yaml(
      '- featureId: A',
      '  priority: P7',
      '  status: done',
      '  estimatedEffort: 3',
      '  effortEstimate: 5',
      '  requiredBy: sprint:sprint-1',
      '- featureId: B',
      '  estimatedEffort: -1',
      '  agentRoles: backend-developer',
    );
    expect(validateText(text, 'f.yaml').diagnostics.map(formatForTest)).toEqual([
      'f.yaml:2:13: error: priority must be one of P1, P2, P3, P4, got P7 (at [0].priority)',
      'f.yaml:3:11: error: status must be one of planned, inProgress, completed, deferred, got done (at [0].status)',
      'f.yaml:5:19: error: estimatedEffort is given twice with different values: 3 at estimatedEffort and 5 here; write it once (at [0].effortEstimate)',
      'f.yaml:6:15: error: requiredBy names a milestone as milestone:<id>, got sprint:sprint-1 (at [0].requiredBy)',
      'f.yaml:8:20: error: estimatedEffort must be at least 0, got -1 (at [1].estimatedEffort)',
      'f.yaml:9:15: error: agentRoles must be a list, got text "backend-developer" (at [1].agentRoles)',
    ]);
  });

  it('reports errors inside the map form through the branch that fits, and ids that differ from their key', () => {
    const text = yaml('features:', '  Auth.Login:', '    featureId: Auth.Logout', '    priority: P9');
    expect(validateText(text, 'f.yaml').diagnostics.map(formatForTest)).toEqual([
      'f.yaml:3:16: error: featureId Auth.Logout differs from its key Auth.Login (at features["Auth.Login"].featureId)',
      'f.yaml:4:15: error: priority must be one of P1, P2, P3, P4, got P9 (at features["Auth.Login"].priority)',
    ]);
  });

  it('says what a features file may be when it is none of the three forms', () => {
    expect(validateText('features: 3\n', 'f.yaml').diagnostics.map(formatForTest)).toEqual([
      'f.yaml:1:11: error: features must be a list or a map, got the number 3 (at features)',
    ]);
  });
});
