import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { validateText } from '../validation/validate-text.js';
import { normalizeReleaseSettings } from './normalize-release-settings.js';
import type { PipelineFile } from './pipeline-schema.js';

describe('pipeline.yaml versioning: and pipelines:', () => {
  it('accepts both sections in their short and long forms', () => {
    const text = yaml(
      'versioning:',
      '  service: booking-service',
      '  baseVersion: 1.0.0',
      '  milestoneTag: "{service}:{version}-{milestoneTag}-{trace}"',
      '  sprintTag: "{service}:{version}-{sprint}-hotfix"',
      'pipelines:',
      '  - {name: ReleasePipeline-MVP, on: MilestoneCompleted, webhook: "http://localhost:8080/hooks/release"}',
      '  - name: BuildPipeline',
      '    on: [SprintClosed]',
      '    command: [node, ci/build.mjs]',
      '    retries: 1',
      '    backoffMs: 10',
      '  - {name: deploy-to-staging, webhook: {url: "https://ci.example.com/deploy", headers: {Authorization: Bearer x}}}',
    );
    expect(validateText(text, 'pipeline.yaml', { kind: 'pipeline' }).diagnostics).toEqual([]);
  });

  it('reports every problem at once, located', () => {
    const text = yaml(
      'versioning:',
      '  baseVersion: v1',
      '  milestoneTag: "{service}:{versoin}"',
      'pipelines:',
      '  - {name: release, on: MilestoneCompletd, webhook: "ftp://x"}',
      '  - {name: release, command: ./ci/build.sh, webhook: "http://x"}',
      '  - {name: "bad name", on: TestRunCompleted}',
    );
    expect(validateText(text, 'p.yaml', { kind: 'pipeline' }).diagnostics.map(formatForTest)).toEqual([
      'p.yaml:2:16: error: expected major.minor.patch, such as 1.0.0 (at versioning.baseVersion)',
      expect.stringMatching(/^p\.yaml:3:17: error: unknown placeholder \{versoin\}; known: .* \(character 11 of the template\) \(at versioning\.milestoneTag\)$/),
      expect.stringMatching(/^p\.yaml:5:25: error: unknown event MilestoneCompletd \(did you mean MilestoneCompleted\?\)/),
      expect.stringMatching(/^p\.yaml:5:53: error: .*\(at pipelines\[0\]\.webhook\)$/),
      'p.yaml:6:12: error: duplicate pipeline release (first at pipelines[0]); names must be unique (at pipelines[1].name)',
      'p.yaml:6:54: error: pipeline release has both a command and a webhook; declare one (at pipelines[1].webhook)',
      'p.yaml:7:5: error: pipeline bad name needs a command or a webhook (at pipelines[2])',
      expect.stringMatching(/^p\.yaml:7:12: error: pipeline names are letters/),
      expect.stringMatching(/^p\.yaml:7:28: warning: TestRunCompleted runs this pipeline on every such event/),
    ]);
  });

  it('normalizes with defaults', () => {
    const file = { pipelines: [{ name: 'b', on: 'SprintClosed', command: 'make' }, { name: 'w', webhook: { url: 'http://x/y', headers: { A: '1' } } }] } as PipelineFile;
    const settings = normalizeReleaseSettings(file, 'Demo');
    expect(settings.pipelines).toEqual([
      { name: 'b', on: ['SprintClosed'], target: { kind: 'command', command: 'make' }, retries: 2, backoffMs: 1000, timeoutMs: 600000 },
      { name: 'w', on: [], target: { kind: 'webhook', url: 'http://x/y', headers: { A: '1' } }, retries: 2, backoffMs: 1000, timeoutMs: 600000 },
    ]);
    expect(settings.versioning.service).toBe('demo');
    expect(settings.versioning.written).toEqual({ milestoneTag: '{service}:{version}-{milestoneTag}-{trace}', sprintTag: '{service}:{version}-{sprint}', baseVersion: '1.0.0' });
  });
});
