import { describe, expect, it } from 'vitest';
import { parseVersionTemplate } from './version-template.js';
import { kebabCase, resolveVersioningSettings, versionTags, type VersionPlan } from './version-tags.js';

/** The spec's plan: mvp-core (versionTag mvp-v1) first, with sprint-3 its first sprint. */
const plan: VersionPlan = {
  milestones: [
    { id: 'mvp-core', versionTag: 'mvp-v1', traceId: 'trace-123', sprints: ['sprint-3', 'sprint-4'] },
    { id: 'mvp-qa', traceId: 'trace-123', sprints: ['sprint-5'] },
  ],
  sprints: [
    { id: 'sprint-3', milestoneId: 'mvp-core', traceId: 'trace-abc' },
    { id: 'sprint-4', milestoneId: 'mvp-core', moduleId: 'NotificationService', traceId: 'trace-abc' },
    { id: 'sprint-5', milestoneId: 'mvp-qa', traceId: 'trace-def' },
    { id: 'spike', traceId: 'trace-x' },
  ],
};

describe('versionTags', () => {
  it('gives the spec\'s milestone tag with the default template: booking-service:1.0.0-mvp-v1-trace123', () => {
    const tags = versionTags(plan, resolveVersioningSettings({ service: 'BookingService' }, 'demo'));
    expect(tags.find((tag) => tag.id === 'mvp-core')).toEqual({ kind: 'milestone', id: 'mvp-core', version: '1.0.0', tag: 'booking-service:1.0.0-mvp-v1-trace123' });
    expect(tags.find((tag) => tag.id === 'mvp-qa')?.tag).toBe('booking-service:1.1.0-mvp-qa-trace123');
  });

  it('gives the spec\'s sprint tag with a configured template: booking-service:1.0.1-sprint3-hotfix', () => {
    const tags = versionTags(plan, resolveVersioningSettings({ service: 'booking-service', sprintTag: '{service}:{version}-{sprint}-hotfix' }, 'demo'));
    expect(tags.filter((tag) => tag.kind === 'sprint').map((tag) => tag.tag)).toEqual([
      'booking-service:1.0.1-sprint3-hotfix',
      'notification-service:1.0.2-sprint4-hotfix',
      'booking-service:1.1.1-sprint5-hotfix',
      'booking-service:1.0.1-spike-hotfix',
    ]);
  });

  it('starts from baseVersion and falls back to the default service name', () => {
    const tags = versionTags(plan, resolveVersioningSettings({ baseVersion: '2.3.4', milestoneTag: '{service}:{version}-{milestone}' }, 'My Shop'));
    expect(tags[0]?.tag).toBe('my-shop:2.3.4-mvp-core');
    expect(tags.find((tag) => tag.id === 'sprint-5')?.version).toBe('2.4.5');
  });

  it('is the same for the same plan (deterministic)', () => {
    const settings = resolveVersioningSettings({}, 'x');
    expect(versionTags(plan, settings)).toEqual(versionTags(plan, settings));
  });
});

describe('parseVersionTemplate', () => {
  it('says what is wrong and where', () => {
    expect(parseVersionTemplate('{service}:{versoin}')).toEqual({ message: expect.stringContaining('unknown placeholder {versoin}'), column: 11 });
    expect(parseVersionTemplate('{service}:{version')).toEqual({ message: 'a { without its }', column: 11 });
    expect(parseVersionTemplate('{service} {version}')).toEqual({ message: expect.stringContaining('" " cannot appear'), column: 10 });
    expect(parseVersionTemplate('{service}:latest')).toEqual({ message: 'the template needs {version}', column: 1 });
    expect(parseVersionTemplate('a}{version}')).toEqual({ message: 'a } without its {', column: 2 });
  });
});

describe('kebabCase', () => {
  it('turns module names into image names', () => {
    expect(kebabCase('BookingService')).toBe('booking-service');
    expect(kebabCase('AuthServer.API')).toBe('auth-server-api');
    expect(kebabCase('booking-service')).toBe('booking-service');
  });
});
