import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutionRequest } from '../../domain/orchestrator/index.js';
import { noteAgentProcess, reapOrphanAgents, runningAgentsFolder } from './agent-processes.js';
import { runCommandAgent } from './command-agent.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

function workspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kairos-agent-processes-'));
  folders.push(folder);
  return folder;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A process group as a killed Kairos leaves it: a detached shell with a child of its own. */
function orphan(): number {
  const child = spawn('sh', ['-c', 'sleep 60 & sleep 60'], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid as number;
}

const request: ExecutionRequest = {
  executionId: 'exec:s1#4:backend-developer', agentId: 'backend-developer', role: 'backend-developer', sprintId: 's1', currentState: 'Active',
  traceId: 'trace-1', correlationId: 'c', causationId: 'x', features: ['A'], allowedSkills: ['Work'],
};

describe('agent process groups', () => {
  it('kills the whole group an earlier run left behind, and forgets it', async () => {
    const dir = workspace();
    const pid = orphan();
    await noteAgentProcess(dir, 'exec:s1#4:backend-developer', pid, 'sh');
    expect(alive(pid)).toBe(true);
    expect(await reapOrphanAgents(dir)).toEqual([`process group ${pid} of exec:s1#4:backend-developer (sh)`]);
    for (let tries = 0; tries < 100 && alive(pid); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive(pid)).toBe(false);
    expect(readdirSync(runningAgentsFolder(dir))).toEqual([]);
  });

  it('leaves a process alone whose pid was reused (another start time), and a note that is garbage', async () => {
    const dir = workspace();
    const pid = orphan();
    try {
      await noteAgentProcess(dir, 'exec:old', pid, 'sh');
      const note = join(runningAgentsFolder(dir), 'exec%3Aold.json');
      const { readFile, writeFile } = await import('node:fs/promises');
      const written = JSON.parse(await readFile(note, 'utf8')) as { startTime: number };
      await writeFile(note, JSON.stringify({ ...written, startTime: written.startTime - 1 }));
      await writeFile(join(runningAgentsFolder(dir), 'junk.json'), '{not json');
      expect(await reapOrphanAgents(dir)).toEqual([]);
      expect(alive(pid)).toBe(true);
    } finally {
      process.kill(-pid, 'SIGKILL');
    }
  });

  it('notes a command agent while it runs and forgets it when it ends', async () => {
    const dir = workspace();
    const seen: string[][] = [];
    const watcher = setInterval(() => {
      if (existsSync(runningAgentsFolder(dir))) seen.push(readdirSync(runningAgentsFolder(dir)));
    }, 5);
    const outcome = await runCommandAgent({ type: 'command', command: ['node', '-e', 'setTimeout(() => {}, 300)'], env: {} }, request, { workspace: dir, signal: new AbortController().signal }, 10_000);
    clearInterval(watcher);
    expect(outcome.status).toBe('completed');
    expect(seen.some((names) => names.includes('exec%3As1%234%3Abackend-developer.json'))).toBe(true);
    for (let tries = 0; tries < 50 && readdirSync(runningAgentsFolder(dir)).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readdirSync(runningAgentsFolder(dir))).toEqual([]);
  });
});
