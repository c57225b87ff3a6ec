import type { z } from 'zod';
import { isWarningParams } from '../schema/warning-issue.js';
import type { PathSegment } from '../source/format-path.js';
import type { PlacedIssue } from './placed-issue.js';
import { valueAt } from './value-at.js';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into messages a person can act on, at full document paths. A failed union is
 * reported through the branch that fits the value's type (and, among those, the one with the fewest
 * errors), so a features map with one bad priority reports that priority, not "invalid input".
 */
export function describeIssues(issues: readonly Issue[], data: unknown): PlacedIssue[] {
  const placed: PlacedIssue[] = [];
  collect(issues, [], data, placed);
  return placed;
}

function collect(issues: readonly Issue[], prefix: PathSegment[], data: unknown, out: PlacedIssue[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'invalid_union') collectUnion(issue, path, data, out);
    else out.push(describeIssue(issue, path, data));
  }
}

function collectUnion(issue: z.core.$ZodIssueInvalidUnion, path: PathSegment[], data: unknown, out: PlacedIssue[]): void {
  const value = valueAt(data, path);
  if (issue.errors.length === 0) {
    const options = ('options' in issue ? (issue.options ?? []) : []).map(String).join(', ');
    const key = issue.discriminator ?? label(path);
    out.push({
      severity: 'error',
      path,
      target: 'value',
      message: value === undefined ? `missing required key ${key} (one of ${options})` : `${key} must be one of ${options}, got ${show(value)}`,
    });
    return;
  }
  const fitting = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (fitting.length === 0) {
    const expected = new Set<string>();
    for (const branch of issue.errors) {
      for (const inner of branch) if (inner.code === 'invalid_type' && inner.path.length === 0) expected.add(noun(inner.expected));
    }
    out.push({ severity: 'error', path, target: 'value', message: `${label(path)} must be ${[...expected].join(' or ')}, got ${describeValue(value)}` });
    return;
  }
  const best = fitting.reduce((chosen, branch) => (errorCount(branch) < errorCount(chosen) ? branch : chosen));
  collect(best, path, data, out);
}

function errorCount(issues: readonly Issue[]): number {
  return issues.filter((issue) => !(issue.code === 'custom' && isWarningParams(issue.params))).length;
}

function describeIssue(issue: Issue, path: PathSegment[], data: unknown): PlacedIssue {
  const value = valueAt(data, path);
  const error = (message: string): PlacedIssue => ({ severity: 'error', message, path, target: 'value' });
  const name = label(path);
  switch (issue.code) {
    case 'custom':
      return isWarningParams(issue.params)
        ? { severity: 'warning', message: issue.message, path, target: issue.params.at === 'key' ? 'key' : 'value' }
        : error(issue.message);
    case 'invalid_type':
      if (value === undefined) return error(`missing required key ${name}`);
      return error(`${name} must be ${noun(issue.expected)}, got ${describeValue(value)}${issue.expected === 'string' && typeof value === 'number' ? ' (quote it to make it text)' : ''}`);
    case 'invalid_value':
      return error(
        issue.values.length === 1 ? `${name} must be ${show(issue.values[0])}, got ${show(value)}` : `${name} must be one of ${distinctSpellings(issue.values).join(', ')}, got ${show(value)}`,
      );
    case 'too_small':
      if (issue.origin === 'array') return error(issue.minimum === 1 ? `${name} must not be empty` : `${name} needs at least ${issue.minimum} items`);
      if (issue.origin === 'string') return error(issue.minimum === 1 ? `${name} must not be empty` : `${name} needs at least ${issue.minimum} characters`);
      return error(`${name} must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}, got ${show(value)}`);
    case 'too_big':
      if (issue.origin === 'array') return error(`${name} may have at most ${issue.maximum} items`);
      if (issue.origin === 'string') return error(`${name} may have at most ${issue.maximum} characters`);
      return error(`${name} must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}, got ${show(value)}`);
    case 'invalid_format':
      if (!issue.message.startsWith('Invalid')) return error(issue.message);
      return error(`${name} must be ${formatNoun(issue.format, issue.pattern)}, got ${show(value)}`);
    default:
      return error(`${name}: ${issue.message}`);
  }
}

/** What the path names in a message: the last key, with its index when it ends in one. */
function label(path: readonly PathSegment[]): string {
  const last = path.at(-1);
  if (last === undefined) return 'the file';
  if (typeof last === 'string') return last;
  const parent = path.at(-2);
  return typeof parent === 'string' ? `${parent}[${last}]` : `item [${last}]`;
}

function noun(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'object':
    case 'record':
      return 'a map';
    default:
      return expected;
  }
}

function formatNoun(format: string, pattern: string | undefined): string {
  switch (format) {
    case 'url':
      return 'an http(s) URL';
    case 'datetime':
      return 'an ISO-8601 date-time with a zone, such as 2025-05-12T10:00:00Z';
    case 'regex':
      return `text matching ${pattern ?? 'the expected pattern'}`;
    default:
      return `a valid ${format}`;
  }
}

/** Enum spellings with the case and dash variants of one value shown once: `planned, inProgress, …`. */
function distinctSpellings(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const value of values) {
    const key = String(value).toLowerCase().replace(/[-_]/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(String(value));
  }
  return shown;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}
