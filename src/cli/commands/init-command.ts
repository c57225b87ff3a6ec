import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { writeJsonSchemas } from '../../artifacts/index.js';
import { RefusedError, UsageError } from '../../domain/errors/index.js';
import { contextOf } from '../cli-context.js';
import { displayPath } from '../format/format-diagnostic.js';
import { packageRoot } from '../package-root.js';

/** The example workspaces shipped in the package's `examples/` folder. */
export function exampleNames(): string[] {
  return readdirSync(join(packageRoot(), 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Writes a new workspace from an example into `dir`: the planning files plus the JSON Schemas their
 * editor modelines point at. Built in a sibling folder and renamed into place, so an interrupted
 * init leaves nothing half-written.
 */
export function initWorkspace(dir: string, example: string): Promise<void> {
  const names = exampleNames();
  if (!names.includes(example)) {
    throw new UsageError(`unknown example ${example}; choose one of: ${names.join(', ')}`);
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new RefusedError(`${dir} already exists and is not empty; choose a new folder`);
  }
  const staging = join(dirname(dir), `.${basename(dir)}.init-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  return (async () => {
    try {
      cpSync(join(packageRoot(), 'examples', example), staging, { recursive: true });
      await writeJsonSchemas(join(staging, 'schemas'));
      if (existsSync(dir)) rmSync(dir, { recursive: true });
      renameSync(staging, dir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  })();
}

/** `kairos init <dir> [--example NAME]`. */
export function initCommand(): Command {
  return new Command('init')
    .description('create a workspace from an example (booking: the spec\'s booking project)')
    .argument('<dir>', 'folder to create; must be new or empty')
    .option('--example <name>', 'example to start from', 'blank')
    .action(async (dir: string, options: { example: string }, command: Command) => {
      const context = contextOf(command);
      const target = resolve(dir);
      await initWorkspace(target, options.example);
      context.stdout(`created ${displayPath(target)} from the ${options.example} example; next: kairos validate -w ${displayPath(target)}`);
    });
}
