import { resolve } from 'node:path';
import type { Command } from 'commander';

/** The default event log of a workspace: the embedded SQLite file. */
export const defaultStoreUrl = 'sqlite:.kairos/events.db';

/** What every command knows: the workspace folder, the log's URL and where to write. */
export interface CliContext {
  workspace: string;
  storeUrl: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

interface GlobalOptions {
  workspace?: string;
  store?: string;
}

/** Resolves `--workspace` and `--store` (falling back to `KAIROS_STORE`, then the default). */
export function contextOf(command: Command): CliContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  return {
    workspace: resolve(options.workspace ?? process.cwd()),
    storeUrl: options.store ?? nonEmpty(process.env.KAIROS_STORE) ?? defaultStoreUrl,
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
