import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileWriterThread, FileWriterThreads } from './file-writer-thread.js';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function workspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kairos-file-writer-'));
  folders.push(folder);
  return folder;
}

describe('FileWriterThread', () => {
  it('writes batches in order into folders it makes, replacing files whole and leaving no temporary file', async () => {
    const root = workspace();
    const writer = new FileWriterThread();
    const path = (sprint: string, name: string): string => join(root, 'execution', sprint, name);
    const first = writer.write([
      { path: path('s1', 'fsm-state.json'), content: '{"state":"Planned"}\n' },
      { path: path('s2', 'fsm-state.json'), content: '{"state":"Planned"}\n' },
    ]);
    const second = writer.write([{ path: path('s1', 'fsm-state.json'), content: '{"state":"Active","note":"größe ✓"}\n' }]);
    await Promise.all([first, second]);
    expect(readFileSync(path('s1', 'fsm-state.json'), 'utf8')).toBe('{"state":"Active","note":"größe ✓"}\n');
    expect(readFileSync(path('s2', 'fsm-state.json'), 'utf8')).toBe('{"state":"Planned"}\n');
    expect(readdirSync(join(root, 'execution', 's1'))).toEqual(['fsm-state.json']);
  });

  it('makes a folder removed since it was made again', async () => {
    const root = workspace();
    const writer = new FileWriterThread();
    const file = join(root, 'execution', 's1', 'fsm-state.json');
    await writer.write([{ path: file, content: 'one\n' }]);
    rmSync(join(root, 'execution'), { recursive: true });
    await writer.write([{ path: file, content: 'two\n' }]);
    expect(readFileSync(file, 'utf8')).toBe('two\n');
  });

  it('rejects a batch at the first file it cannot write, with the system error code, and goes on with the next batch', async () => {
    const root = workspace();
    writeFileSync(join(root, 'execution'), 'a file where a folder should be');
    const writer = new FileWriterThread();
    const before = join(root, 'before.json');
    await expect(writer.write([{ path: before, content: '1\n' }, { path: join(root, 'execution', 's1', 'fsm-state.json'), content: '2\n' }, { path: join(root, 'after.json'), content: '3\n' }]))
      .rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(readFileSync(before, 'utf8')).toBe('1\n');
    expect(readdirSync(root).sort()).toEqual(['before.json', 'execution']);
    await writer.write([{ path: join(root, 'later.json'), content: '4\n' }]);
    expect(readFileSync(join(root, 'later.json'), 'utf8')).toBe('4\n');
  });
});

describe('FileWriterThreads', () => {
  it('writes every file of a batch over its threads, and two writes of one path in the order given', async () => {
    const root = workspace();
    const writers = new FileWriterThreads(3);
    const files = Array.from({ length: 60 }, (_, index) => ({ path: join(root, 'execution', `s${index % 20}`, `file-${index}.json`), content: `${index}\n` }));
    const again = { path: join(root, 'execution', 's0', 'fsm-state.json') };
    await writers.write([{ ...again, content: 'first\n' }, ...files, { ...again, content: 'last\n' }]);
    for (const file of files) expect(readFileSync(file.path, 'utf8')).toBe(file.content);
    expect(readFileSync(again.path, 'utf8')).toBe('last\n');
  });
});
