#!/usr/bin/env node
import { runCli } from './run-cli.js';

// A reader that went away (`kairos events | head`) must not kill a command halfway: the output is
// dropped and the command finishes what it records.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2));
