import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Command agents running now, one file each under `.kairos/agents/running/`: the process group a
 * killed Kairos left behind is found there on restart and killed before its execution runs again
 * (`reapOrphanAgents`). A file holds the group's leader pid and its start time (Linux
 * `/proc/<pid>/stat`), so a pid reused by an unrelated process is never killed.
 */
export interface AgentProcess {
  executionId: string;
  pid: number;
  /** The leader's start time in clock ticks since boot; absent where /proc is not available. */
  startTime?: number;
  command: string;
}

/** `.kairos/agents/running/` of a workspace. */
export function runningAgentsFolder(workspace: string): string {
  return join(workspace, '.kairos', 'agents', 'running');
}

function fileOf(workspace: string, executionId: string): string {
  return join(runningAgentsFolder(workspace), `${encodeURIComponent(executionId).replace(/\./g, '%2E')}.json`);
}

/** Notes a command agent's process group as running. Never throws: the note is a safety net, not a duty. */
export async function noteAgentProcess(workspace: string, executionId: string, pid: number, command: string): Promise<void> {
  const note: AgentProcess = { executionId, pid, command };
  const startTime = processStartTime(pid);
  if (startTime !== undefined) note.startTime = startTime;
  try {
    await mkdir(runningAgentsFolder(workspace), { recursive: true });
    await writeFile(fileOf(workspace, executionId), `${JSON.stringify(note)}\n`);
  } catch {
    // A workspace that cannot take the note still runs its agents.
  }
}

/** Forgets a process group that ended. */
export async function forgetAgentProcess(workspace: string, executionId: string): Promise<void> {
  await rm(fileOf(workspace, executionId), { force: true }).catch(() => undefined);
}

/**
 * Kills the process groups of agents a killed Kairos left running (their notes outlived it), and
 * forgets them. Call it only while holding the workspace lock: then no live Kairos runs them.
 * Resolves to what it killed, in words.
 */
export async function reapOrphanAgents(workspace: string): Promise<string[]> {
  const folder = runningAgentsFolder(workspace);
  const names = await readdir(folder).catch(() => [] as string[]);
  const killed: string[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.json'))) {
    const path = join(folder, name);
    const note = await readNote(path);
    if (note !== undefined && isSameProcess(note)) {
      try {
        process.kill(-note.pid, 'SIGKILL');
        killed.push(`process group ${note.pid} of ${note.executionId} (${note.command})`);
      } catch {
        // Gone meanwhile.
      }
    }
    await rm(path, { force: true }).catch(() => undefined);
  }
  return killed;
}

async function readNote(path: string): Promise<AgentProcess | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<AgentProcess>;
    if (typeof value.executionId !== 'string' || typeof value.pid !== 'number' || !Number.isSafeInteger(value.pid) || value.pid <= 1) return undefined;
    return { executionId: value.executionId, pid: value.pid, command: typeof value.command === 'string' ? value.command : '', ...(typeof value.startTime === 'number' ? { startTime: value.startTime } : {}) };
  } catch {
    return undefined;
  }
}

/** Is the noted process still the one that was noted (alive, and started when it was)? */
function isSameProcess(note: AgentProcess): boolean {
  const now = processStartTime(note.pid);
  // Without /proc there is no way to tell a reused pid apart: leave it alone.
  if (now === undefined || note.startTime === undefined) return false;
  return now === note.startTime;
}

/** Field 22 of `/proc/<pid>/stat` (after the parenthesised command name), or undefined. */
function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[19]);
    return Number.isSafeInteger(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
