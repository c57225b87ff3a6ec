import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors/index.js';
import { loadGitSettings } from './load-git-settings.js';

function workspace(pipeline?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'kairos-git-settings-'));
  mkdirSync(join(root, 'planning'));
  if (pipeline !== undefined) writeFileSync(join(root, 'planning', 'pipeline.yaml'), pipeline);
  return root;
}

describe('loadGitSettings', () => {
  it("defaults to the workspace's own repository, read, not tagged", async () => {
    const root = workspace();
    expect(await loadGitSettings(root)).toEqual({ repository: root, named: false, scan: true, tags: false, maxCommits: 10_000 });
  });

  it('reads the git: section of planning/pipeline.yaml', async () => {
    const root = workspace('git:\n  repository: ../service\n  mainBranch: trunk\n  tags: true\n  maxCommits: 500\n');
    expect(await loadGitSettings(root)).toEqual({ repository: join(root, '..', 'service'), named: true, mainBranch: 'trunk', scan: true, tags: true, maxCommits: 500 });
  });

  it('refuses a bad section with a located error', async () => {
    const root = workspace('commands: []\ngit:\n  tags: yes please\n');
    const error = await loadGitSettings(root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.path}`)).toEqual(['3:9 git.tags']);
  });
});
