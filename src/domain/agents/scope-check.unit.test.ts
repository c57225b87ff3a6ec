import { describe, expect, it } from 'vitest';
import { eventTypeNames } from '../events/event-type.js';
import { reservedFor } from './reserved-event-types.js';
import { checkScope, scopeViolationReason, type AgentOutput, type ExecutionScope } from './scope-check.js';
import { isWithinFolder, resolvePosixPath } from './workspace-path.js';

const scope: ExecutionScope = { sprintId: 's1', milestoneId: 'm1', features: ['A', 'B'], allowedSkills: ['GenerateHandler', 'CommitCode'], workspace: '/work/ws' };

/** Given an output, when checked against `scope`, then these rules are broken. */
const rulesBroken = (output: AgentOutput, within: ExecutionScope = scope): string[] => checkScope(within, output).map((violation) => violation.rule);

describe('checkScope', () => {
  it('given reports of the execution\'s sprint, milestone, features and skills, with files in the workspace, finds nothing', () => {
    const output: AgentOutput = {
      reports: [
        { type: 'ArtifactProduced', featureId: 'A', skillId: 'GenerateHandler', data: { sprintId: 's1', milestone: 'm1', path: 'src/A.ts' } },
        { type: 'TestCasesGenerated', data: { features: ['A', 'B'], files: ['tests/a.feature', './tests/../tests/b.feature'] } },
        { type: 'SprintTestPlanReady', data: { sprintId: 's1' } },
      ],
      artifacts: ['/work/ws/out/report.md'],
    };
    expect(checkScope(scope, output)).toEqual([]);
  });

  it('given a report naming another sprint, then other-sprint with both sprints named', () => {
    expect(checkScope(scope, { reports: [{ type: 'SprintTestPlanReady', data: { sprintId: 's2' } }] })).toEqual([
      { rule: 'other-sprint', detail: 'report 1 (SprintTestPlanReady) names sprint s2; the execution runs in sprint s1' },
    ]);
  });

  it('given a report naming another milestone, or any milestone for a sprint without one, then other-milestone', () => {
    expect(rulesBroken({ reports: [{ type: 'ArtifactReady', data: { milestoneId: 'm2', path: 'x' } }] })).toEqual(['other-milestone']);
    const { milestoneId: _none, ...unattached } = scope;
    expect(checkScope(unattached, { reports: [{ type: 'ArtifactReady', data: { milestone: 'm1', path: 'x' } }] })[0]?.detail).toBe(
      'report 1 (ArtifactReady) names milestone m1; sprint s1 belongs to no milestone',
    );
  });

  it('given features outside the execution\'s, on the report, in data.featureId or in data.features, then one violation each', () => {
    const output: AgentOutput = { reports: [{ type: 'FeatureStatusChanged', featureId: 'Z', data: { status: 'completed' } }, { type: 'TestCasesGenerated', data: { featureId: 'A', features: ['A', 'Y'] } }] };
    expect(checkScope(scope, output).map((violation) => violation.detail)).toEqual([
      'report 1 (FeatureStatusChanged) names feature Z, outside the execution\'s features (A, B)',
      'report 2 (TestCasesGenerated) names feature Y, outside the execution\'s features (A, B)',
    ]);
  });

  it('given a skill the agent does not have, on the report or in its data, then skill-not-allowed', () => {
    expect(checkScope(scope, { reports: [{ type: 'ArtifactProduced', skillId: 'DeployProd', data: { path: 'a' } }] })).toEqual([
      { rule: 'skill-not-allowed', detail: 'report 1 (ArtifactProduced) names skill DeployProd, not one of the agent\'s skills (GenerateHandler, CommitCode)' },
    ]);
    expect(rulesBroken({ reports: [{ type: 'PatchEmitted', data: { skillId: 'Hack' } }] }, { ...scope, allowedSkills: [] })).toEqual(['skill-not-allowed']);
  });

  it('given files outside the workspace (absolute elsewhere, .. out of it), then path-outside-workspace naming where', () => {
    const output: AgentOutput = {
      reports: [
        { type: 'ArtifactProduced', data: { path: '../outside.txt' } },
        { type: 'TestCasesGenerated', data: { files: ['tests/ok.feature', 'tests/../../../etc/passwd'] } },
        { type: 'ArtifactReady', data: { output: '/etc/hosts' } },
      ],
      artifacts: ['/work/ws-other/x'],
    };
    expect(checkScope(scope, output).map((violation) => violation.detail)).toEqual([
      'artifact 1 "/work/ws-other/x" is outside the workspace',
      'report 1 (ArtifactProduced) data.path "../outside.txt" escapes the workspace',
      'report 2 (TestCasesGenerated) data.files[1] "tests/../../../etc/passwd" escapes the workspace',
      'report 3 (ArtifactReady) data.output "/etc/hosts" is outside the workspace',
    ]);
  });

  it('reads output as a file only in artifact events, where the evidence fold does', () => {
    expect(rulesBroken({ reports: [{ type: 'TestRunCompleted', data: { output: '/usr/bin/node exited 0' } }] })).toEqual([]);
  });

  it('given a file whose real location (symlinks resolved by the shell) is outside the real workspace, then path-outside-workspace', () => {
    const output: AgentOutput = {
      reports: [{ type: 'ArtifactProduced', data: { path: 'link/secret.txt' } }, { type: 'ArtifactProduced', data: { path: 'src/a.ts' } }],
      realWorkspace: '/real/ws',
      realPaths: new Map([['link/secret.txt', '/real/outside/secret.txt'], ['src/a.ts', '/real/ws/src/a.ts']]),
    };
    expect(checkScope(scope, output)).toEqual([
      { rule: 'path-outside-workspace', detail: 'report 1 (ArtifactProduced) data.path "link/secret.txt" resolves through a symlink to /real/outside/secret.txt, outside the workspace' },
    ]);
    // An absolute path through the workspace's real location is inside it.
    expect(rulesBroken({ reports: [], artifacts: ['/real/ws/a'], realWorkspace: '/real/ws' })).toEqual([]);
  });

  it('given event types only the orchestrator, the plan, a person or the runtime records, then reserved-event-type', () => {
    const output: AgentOutput = { reports: ['SprintClosed', 'SprintPlanned', 'ApprovalGranted', 'AgentExecutionCompleted'].map((type) => ({ type })) };
    expect(checkScope(scope, output).map((violation) => violation.detail)).toEqual([
      'report 1 (SprintClosed): SprintClosed is recorded by the orchestrator, not reported by an agent',
      'report 2 (SprintPlanned): SprintPlanned is recorded by kairos plan from the planning files, not reported by an agent',
      'report 3 (ApprovalGranted): ApprovalGranted is recorded by a person (a kairos control), not reported by an agent',
      'report 4 (AgentExecutionCompleted): AgentExecutionCompleted is recorded by the runtime around each execution, not reported by an agent',
    ]);
  });

  it('leaves agents the readiness signals, work, evidence and findings of the catalog', () => {
    const reportable = eventTypeNames.filter((type) => reservedFor(type) === undefined);
    expect(reportable).toEqual([
      'SprintScopeApproved', 'SprintTestPlanReady', 'SprintInfraReady', 'GateConditionsSatisfied', 'PatchEmitted', 'FeatureStatusChanged',
      'ArtifactProduced', 'ArtifactReady', 'PullRequestCreated', 'PullRequestMerged', 'TestCasesGenerated', 'TestRunCompleted', 'TestsPassed',
      'CoverageReported', 'ValidationPassed', 'BlueprintValidated', 'SprintQAReady', 'SprintReadinessChecked', 'SecurityAuditCompleted',
      'SecurityPolicyViolation', 'SecurityPolicyPublished',
    ]);
    expect(reservedFor('toString')).toBeUndefined();
  });

  it('summarises violations as the reason of the failure: the first, and how many more', () => {
    const violations = checkScope(scope, { reports: [{ type: 'SprintClosed', data: { sprintId: 's9' } }] });
    expect(scopeViolationReason(violations)).toBe('scope violation: report 1 (SprintClosed): SprintClosed is recorded by the orchestrator, not reported by an agent (and 1 more)');
    expect(scopeViolationReason(violations.slice(1))).toBe('scope violation: report 1 (SprintClosed) names sprint s9; the execution runs in sprint s1');
  });
});

describe('workspace paths', () => {
  it('resolves . and .. lexically, never above the root', () => {
    expect(resolvePosixPath('/work/ws', 'a/./b//../c/')).toBe('/work/ws/a/c');
    expect(resolvePosixPath('/work/ws', '../../../../x')).toBe('/x');
    expect(resolvePosixPath('/work/ws', '/etc/../tmp')).toBe('/tmp');
    expect(resolvePosixPath('/work/ws', '')).toBe('/work/ws');
  });

  it('tells a folder\'s own files from a sibling sharing its prefix', () => {
    expect(isWithinFolder('/work/ws', '/work/ws')).toBe(true);
    expect(isWithinFolder('/work/ws/', '/work/ws/a')).toBe(true);
    expect(isWithinFolder('/work/ws', '/work/ws-other/a')).toBe(false);
    expect(isWithinFolder('/', '/anything')).toBe(true);
  });
});
