import { FeatureStatus } from '../planning/feature.js';

/** Lower-cased letters and digits only: `In-Progress` → `inprogress`. */
export function wordKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const passWords = new Set(['pass', 'passed', 'passing', 'ok', 'success', 'succeeded', 'successful', 'true', 'green', 'compliant', 'complete', 'completed', 'done']);
const failWords = new Set(['fail', 'failed', 'failing', 'failure', 'error', 'errored', 'false', 'red', 'noncompliant', 'broken']);

/**
 * A status word as `pass`, `fail`, or the lower-cased word itself (`review`, `partial`).
 *
 * @example normalizeOutcome('Passed') === 'pass'; normalizeOutcome(false) === 'fail'
 */
export function normalizeOutcome(value: string | boolean): string {
  if (typeof value === 'boolean') return value ? 'pass' : 'fail';
  const key = wordKey(value);
  if (passWords.has(key)) return 'pass';
  if (failWords.has(key)) return 'fail';
  return value.trim().toLowerCase();
}

const featureStatusWords: Readonly<Record<string, FeatureStatus>> = {
  planned: FeatureStatus.Planned,
  todo: FeatureStatus.Planned,
  new: FeatureStatus.Planned,
  inprogress: FeatureStatus.InProgress,
  started: FeatureStatus.InProgress,
  active: FeatureStatus.InProgress,
  completed: FeatureStatus.Completed,
  complete: FeatureStatus.Completed,
  done: FeatureStatus.Completed,
  deferred: FeatureStatus.Deferred,
  postponed: FeatureStatus.Deferred,
};

/** A backlog status in any of the spec's spellings (`InProgress`, `in-progress`, `Completed`), or `undefined`. */
export function normalizeFeatureStatus(value: string): FeatureStatus | undefined {
  const key = wordKey(value);
  return Object.hasOwn(featureStatusWords, key) ? featureStatusWords[key] : undefined;
}
