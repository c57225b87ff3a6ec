import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { artifactKinds, validateFile, validateWorkspace, type ArtifactKind } from '../../artifacts/index.js';
import type { Diagnostic } from '../../domain/errors/index.js';
import { contextOf } from '../cli-context.js';
import { ExitCode } from '../exit-code.js';
import { displayPath, formatDiagnostic } from '../format/format-diagnostic.js';

interface ValidateOptions {
  kind?: ArtifactKind;
  json?: boolean;
}

/** `kairos validate [PATH...]`: checks a workspace or single files, reporting every problem at once. */
export function validateCommand(): Command {
  return new Command('validate')
    .description('check planning files and artifacts; every problem is reported at once as path:line:col')
    .argument('[paths...]', 'workspace folders or files (default: the workspace)')
    .addOption(new Option('--kind <kind>', 'the kind of every file given, instead of detecting it').choices([...artifactKinds]))
    .option('--json', 'print a JSON report for machines')
    .action(async (paths: string[], options: ValidateOptions, command: Command) => {
      const context = contextOf(command);
      const targets = paths.length > 0 ? paths.map((path) => resolve(path)) : [context.workspace];
      const reports: { file: string; kind: string | undefined; diagnostics: Diagnostic[] }[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const target of targets) {
        if (isDirectory(target)) {
          const report = await validateWorkspace(target);
          reports.push(...report.files);
          diagnostics.push(...report.diagnostics);
        } else {
          const report = await validateFile(target, options.kind === undefined ? {} : { kind: options.kind });
          reports.push(report);
          diagnostics.push(...report.diagnostics);
        }
      }
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.length - errors;
      if (options.json === true) {
        context.stdout(JSON.stringify({ valid: errors === 0, errors, warnings, files: reports.map((r) => ({ file: r.file, kind: r.kind ?? null })), diagnostics }, null, 2));
      } else {
        for (const diagnostic of diagnostics) context.stderr(formatDiagnostic(diagnostic));
        const files = reports.map((r) => displayPath(r.file)).join(', ');
        context.stdout(`${errors === 0 ? 'valid' : 'invalid'}: ${reports.length} file(s) checked (${files}); ${errors} error(s), ${warnings} warning(s)`);
      }
      process.exitCode = errors === 0 ? ExitCode.Ok : ExitCode.Finding;
    });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
