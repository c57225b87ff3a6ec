import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutionMetadataRecord } from '../../domain/agents/index.js';
import { ExecutionMetadataWriter } from './execution-metadata-writer.js';

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function workspace(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'kairos-metadata-'));
  folders.push(folder);
  return folder;
}

const record = (logPosition: number): ExecutionMetadataRecord => ({
  executionId: `exec:s1#${logPosition}:qa`, agentId: 'qa', traceId: 't', sprintId: 's1', features: [], role: 'qa', status: 'Success', durationMs: 1, artifacts: [], attempt: 1,
  startedAt: '2026-11-23T10:00:00.000Z', endedAt: '2026-11-23T10:00:01.000Z', logPosition,
});

const positions = async (path: string): Promise<number[]> =>
  (JSON.parse(await readFile(path, 'utf8')) as { executions: ExecutionMetadataRecord[] }).executions.map((item) => item.logPosition);

describe('ExecutionMetadataWriter (real files)', () => {
  it('writes records arriving together, in log order, keeping the latest; each call resolves once its record is on disk, flush() at once', async () => {
    const root = await workspace();
    const writer = new ExecutionMetadataWriter({ intervalMs: 10_000, keep: 20 });
    const owner = { moduleId: 'booking', sprintId: 's1' };
    const written = Promise.all(Array.from({ length: 50 }, (_, index) => writer.record(root, owner, record(50 - index))));
    await writer.flush();
    await written;
    expect(await positions(join(root, 'metadata/booking/execution-metadata.json'))).toEqual(Array.from({ length: 20 }, (_, index) => 31 + index));
    void writer.record(root, owner, record(51));
    void writer.record(root, { sprintId: 's2' }, record(52));
    await writer.flush();
    expect((await positions(join(root, 'metadata/booking/execution-metadata.json'))).at(-1)).toBe(51);
    expect(await positions(join(root, 'metadata/_sprints/s2/execution-metadata.json'))).toEqual([52]);
  });

  it('leaves alone a workspace removed before its records were written', async () => {
    const root = await workspace();
    const writer = new ExecutionMetadataWriter({ intervalMs: 10_000 });
    await writer.record(root, { sprintId: 's1' }, record(1));
    const later = writer.record(root, { sprintId: 's1' }, record(2));
    await rm(root, { recursive: true });
    await writer.flush();
    await later;
    await expect(readFile(join(root, 'metadata/_sprints/s1/execution-metadata.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('keeps the records of an earlier run, and replaces a file that holds no records, with a warning', async () => {
    const root = await workspace();
    const warnings: string[] = [];
    const writer = new ExecutionMetadataWriter({ intervalMs: 0, onWarning: (message) => warnings.push(message) });
    await mkdir(join(root, 'metadata', 'a'), { recursive: true });
    await writeFile(join(root, 'metadata', 'a', 'execution-metadata.json'), JSON.stringify({ moduleId: 'a', executions: [record(7)] }));
    await mkdir(join(root, 'metadata', 'b'), { recursive: true });
    await writeFile(join(root, 'metadata', 'b', 'execution-metadata.json'), '{"agentId": "hand-written", "skillId": "x"}');
    await writer.record(root, { moduleId: 'a', sprintId: 's1' }, record(9));
    await writer.record(root, { moduleId: 'b', sprintId: 's1' }, record(9));
    expect(await positions(join(root, 'metadata/a/execution-metadata.json'))).toEqual([7, 9]);
    expect(await positions(join(root, 'metadata/b/execution-metadata.json'))).toEqual([9]);
    expect(warnings).toEqual([`${join(root, 'metadata/b/execution-metadata.json')} is not a file of execution records; it is rewritten from the executions recorded from now on`]);
  });
});
