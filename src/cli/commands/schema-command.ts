import { resolve } from 'node:path';
import { Command } from 'commander';
import { writeJsonSchemas } from '../../artifacts/index.js';
import { contextOf } from '../cli-context.js';
import { displayPath } from '../format/format-diagnostic.js';

/** `kairos schema --out DIR`: writes the JSON Schemas of every file kind, for editors. */
export function schemaCommand(): Command {
  return new Command('schema')
    .description('write the JSON Schema of every planning file and artifact kind, so editors check YAML as it is typed')
    .requiredOption('--out <dir>', 'folder to write <kind>.schema.json files into')
    .action(async (options: { out: string }, command: Command) => {
      const context = contextOf(command);
      const written = await writeJsonSchemas(resolve(options.out));
      for (const file of written) context.stdout(`wrote ${displayPath(file)}`);
    });
}
