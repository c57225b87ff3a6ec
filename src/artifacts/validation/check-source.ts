import type { Diagnostic } from '../../domain/errors/index.js';
import { didYouMean } from '../../domain/text/closest-match.js';
import { artifactKinds, isArtifactKind, type ArtifactKind } from '../artifact-kind.js';
import { diagnosticAt } from '../source/diagnostic-at.js';
import { hiddenProblems, limitProblems } from '../source/limit-problems.js';
import { loadYamlSource } from '../source/load-yaml-source.js';
import { resolveSourceLimits, type SourceLimits } from '../source/source-limits.js';
import { artifactSchemas } from './artifact-schemas.js';
import type { CheckedFile } from './checked-file.js';
import { describeIssues } from './describe-issues.js';
import { detectKind } from './detect-kind.js';

/** How to check one file. */
export interface ValidateOptions {
  /** The file's kind; detected from its content (then its name) when absent. */
  kind?: ArtifactKind | string | undefined;
  limits?: Partial<SourceLimits> | undefined;
}

/**
 * Parses YAML or JSON text and checks it against the schema of its kind, collecting every problem
 * as a located diagnostic. Never throws on bad input.
 */
export function checkSource(text: string, file: string, options: ValidateOptions = {}): CheckedFile {
  const source = loadYamlSource(text, file, resolveSourceLimits(options.limits));
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  const finish = (kind: ArtifactKind | undefined): CheckedFile => ({
    file,
    kind,
    source,
    valid: source.readable && !diagnostics.some((d) => d.severity === 'error'),
    diagnostics,
  });

  if (options.kind !== undefined && !isArtifactKind(options.kind)) {
    const hint = didYouMean(options.kind, artifactKinds);
    diagnostics.push({ severity: 'error', file, line: 1, column: 1, path: '', message: `unknown kind ${options.kind}${hint}; kinds are ${artifactKinds.join(', ')}` });
    return finish(undefined);
  }
  if (!source.readable) return finish(options.kind ?? detectKind(undefined, file));
  const kind = options.kind ?? detectKind(source.value, file);
  if (kind === undefined) {
    diagnostics.push(
      diagnosticAt(
        source,
        'error',
        'cannot tell what kind of file this is: expected a top-level key milestones, sprints, states, planningMode, agents or features, ' +
          `or a list of featureId items; name the kind explicitly, one of ${artifactKinds.join(', ')}`,
        [],
      ),
    );
    return finish(undefined);
  }
  for (const diagnostic of schemaDiagnostics(kind, source)) diagnostics.push(diagnostic);
  return finish(kind);
}

function schemaDiagnostics(kind: ArtifactKind, source: CheckedFile['source']): Diagnostic[] {
  let result;
  try {
    result = artifactSchemas[kind].safeParse(source.value);
  } catch (error) {
    // Input limits make this unreachable in practice; a schema bug must still not crash a validator.
    return [diagnosticAt(source, 'error', `cannot check the file: ${error instanceof Error ? error.message : String(error)}`, [])];
  }
  if (result.success) return [];
  const issues = describeIssues(result.error.issues, source.value);
  const { shown, hidden } = limitProblems(issues);
  const located = shown.map((issue) => diagnosticAt(source, issue.severity, issue.message, issue.path, issue.target));
  if (hidden === 0) return located;
  const severity = issues.slice(shown.length).some((issue) => issue.severity === 'error') ? 'error' : 'warning';
  return [...located, hiddenProblems(source.file, hidden, severity)];
}
