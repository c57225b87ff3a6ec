import { compileGlob, matchesGlob, type GlobPattern } from './glob-pattern.js';
import type { PatternRule, SecurityFinding } from './security-check.js';
import { compileTextPattern, showTextPattern } from './text-pattern.js';

/** A file a pattern rule selected: its text, or why it was not read (too large, binary, unreadable). */
export interface ScannedFile {
  path: string;
  text?: string;
  skipped?: string;
}

/** What a pattern rule found. `findings` lists at most `maxFindings`; `problems` counts them all. */
export interface PatternVerdict {
  passed: boolean;
  detail: string;
  findings: SecurityFinding[];
  problems: number;
}

/** Most findings kept per check; the detail says how many there were. */
export const maxFindings = 20;

/** Longest line looked at; the rest of a longer line (minified code) is not searched. */
export const maxLineLength = 4000;

/** The compiled globs of a rule: what it selects, and what it leaves out. */
export interface RuleGlobs {
  files: GlobPattern[];
  exclude: GlobPattern[];
}

/** Compiles the globs of a rule (which the policy schema has checked). */
export function ruleGlobs(rule: PatternRule): RuleGlobs {
  return { files: rule.files.map(compileGlob), exclude: rule.exclude.map(compileGlob) };
}

/** Does the rule look at the workspace-relative `path`: matched by a `files` glob and by no `exclude`? */
export function isSelected(path: string, globs: RuleGlobs): boolean {
  return globs.files.some((glob) => matchesGlob(path, glob)) && !globs.exclude.some((glob) => matchesGlob(path, glob));
}

/**
 * Runs a pattern rule over the files it selected. Findings name the file and line, never the text
 * found (it may be the very secret the rule looks for).
 *
 * @example evaluatePatternRule(rule, [{ path: 'src/app.ts', text: "app.use(helmet())" }]).passed
 */
export function evaluatePatternRule(rule: PatternRule, files: readonly ScannedFile[], options: { truncated?: boolean } = {}): PatternVerdict {
  const scope = `${rule.files.join(', ')}${options.truncated === true ? ' (the walk stopped at its file limit)' : ''}`;
  const readable = files.filter((file): file is ScannedFile & { text: string } => file.text !== undefined);
  const skipped = files.length - readable.length;
  const searched = `${count(readable.length, 'file')} searched${skipped === 0 ? '' : `, ${count(skipped, 'file')} skipped (${files.find((file) => file.skipped !== undefined)?.skipped ?? 'unreadable'})`}`;
  if (readable.length === 0) {
    if (rule.mustMatch.length > 0) {
      const finding = { message: `no readable file matches ${scope}${skipped === 0 ? '' : ` (${searched})`}` };
      return { passed: false, detail: finding.message, findings: [finding], problems: 1 };
    }
    return { passed: true, detail: `no readable file matches ${scope}: nothing to check`, findings: [], problems: 0 };
  }
  const forbidden = rule.mustNotMatch.map((pattern) => ({ pattern, regex: compileTextPattern(pattern, rule.ignoreCase) }));
  const required = rule.mustMatch.map((pattern) => ({ pattern, regex: compileTextPattern(pattern, rule.ignoreCase) }));
  const findings: SecurityFinding[] = [];
  let problems = 0;
  const report = (finding: SecurityFinding): void => {
    problems++;
    if (findings.length < maxFindings) findings.push(finding);
  };
  const found = required.map((): { file: string; line: number } | undefined => undefined);
  for (const file of readable) {
    const foundHere = required.map(() => false);
    const lines = file.text.split(/\r?\n/);
    for (let index = 0; index < lines.length; index++) {
      const line = (lines[index] as string).slice(0, maxLineLength);
      for (const { pattern, regex } of forbidden) {
        if (regex.test(line)) report({ file: file.path, line: index + 1, message: `forbidden ${showTextPattern(pattern)} found` });
      }
      required.forEach(({ regex }, which) => {
        if (foundHere[which] === true || !regex.test(line)) return;
        foundHere[which] = true;
        found[which] ??= { file: file.path, line: index + 1 };
      });
    }
    if (rule.everyFile) {
      required.forEach(({ pattern }, which) => {
        if (foundHere[which] !== true) report({ file: file.path, message: `${showTextPattern(pattern)} not found` });
      });
    }
  }
  if (!rule.everyFile) {
    required.forEach(({ pattern }, which) => {
      if (found[which] === undefined) report({ message: `${showTextPattern(pattern)} not found in any file matching ${scope} (${searched})` });
    });
  }
  if (problems > 0) {
    const first = findings[0] as SecurityFinding;
    const more = problems > 1 ? ` (and ${count(problems - 1, 'more problem')})` : '';
    return { passed: false, detail: `${describeFinding(first)}${more}`, findings, problems };
  }
  const evidence = required.map(({ pattern }, which) => {
    const at = found[which] as { file: string; line: number };
    return `${showTextPattern(pattern)} at ${at.file}:${at.line}`;
  });
  const said = rule.everyFile && required.length > 0 ? `every pattern found in each of ${count(readable.length, 'file')}` : evidence.join('; ');
  const clean = forbidden.length === 0 ? '' : `no forbidden pattern found`;
  return { passed: true, detail: `${[said, clean].filter((part) => part !== '').join('; ')} (${searched})`, findings: [], problems: 0 };
}

/** `file:line: message`, as much of the place as is known. */
export function describeFinding(finding: SecurityFinding): string {
  if (finding.file === undefined) return finding.message;
  return `${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}: ${finding.message}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
