import { describe, expect, it } from 'vitest';
import { sprintEvidenceScope } from '../../evidence/evidence-scope.js';
import { createEventLog } from '../../evidence/testing/index.js';
import { given } from '../testing/index.js';

const sprint = sprintEvidenceScope({ id: 'sprint-3', features: ['BookingFlow', 'Auth.Login'] });

describe('allPullRequestsMerged', () => {
  it('given every pull request merged, passes', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const result = given(sprint, [
      log.event('PullRequestCreated', { id: 42, branch: 'feature/booking/sprint-3' }, { featureId: 'BookingFlow' }),
      log.event('PullRequestCreated', { id: 43 }, { featureId: 'Auth.Login' }),
      log.event('PullRequestMerged', { id: 42 }),
      log.event('PullRequestMerged', { id: 43 }),
    ]).when('allPullRequestsMerged');
    expect(result).toMatchObject({ gate: 'allPullRequestsMerged', written: 'allPullRequestsMerged', passed: true, reason: 'all 2 pull requests merged' });
    expect(result.evidence).toMatchObject({ pullRequests: 2, merged: 2, unmerged: [] });
  });

  it('given an open pull request, fails naming it with its feature and branch', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const result = given(sprint, [
      log.event('PullRequestCreated', { id: 42, branch: 'feature/booking/sprint-3' }, { featureId: 'BookingFlow' }),
      log.event('PullRequestCreated', { id: 43 }, { featureId: 'Auth.Login' }),
      log.event('PullRequestMerged', { id: 43 }),
    ]).when('allPullRequestsMerged');
    expect(result.passed).toBe(false);
    expect(result.reason).toBe('1 of 2 pull requests not merged: #42 (BookingFlow, feature/booking/sprint-3)');
    expect(result.evidence['unmerged']).toEqual([{ id: '42', featureId: 'BookingFlow', branch: 'feature/booking/sprint-3' }]);
  });

  it('given no pull request at all, fails; and says so when commits were made without one', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    expect(given(sprint, []).when('allPullRequestsMerged')).toMatchObject({ passed: false, reason: 'no pull request recorded for sprint sprint-3' });
    const result = given(sprint, [log.event('ArtifactProduced', { path: 'a.cs', commits: ['f23f123', 'a91d3a8'] }, { featureId: 'BookingFlow' })]).when('allPullRequestsMerged');
    expect(result).toMatchObject({ passed: false, reason: 'no pull request recorded for sprint sprint-3, although 2 commits were recorded (BookingFlow 2)' });
  });

  it('given a feature with commits but no pull request beside merged ones, fails naming the feature', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const result = given(sprint, [
      log.event('PullRequestMerged', { id: 42 }, { featureId: 'BookingFlow' }),
      log.event('ArtifactProduced', { path: 'login.cs', commit: 'abc123' }, { featureId: 'Auth.Login' }),
    ]).when('allPullRequestsMerged');
    expect(result).toMatchObject({ passed: false, reason: 'Auth.Login has 1 commit but no pull request' });
  });

  it('given an open pull request of a deferred feature, does not count it', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const result = given(sprint, [
      log.event('PullRequestMerged', { id: 42 }, { featureId: 'BookingFlow' }),
      log.event('PullRequestCreated', { id: 43 }, { featureId: 'Auth.Login' }),
      log.event('FeatureDeferred', {}, { featureId: 'Auth.Login' }),
    ]).when('allPullRequestsMerged');
    expect(result).toMatchObject({ passed: true, reason: 'all 1 pull request merged; 1 pull request of deferred features not counted (1 deferred: Auth.Login)' });
  });
});
