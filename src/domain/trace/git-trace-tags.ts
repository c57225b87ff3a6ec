import { commitTags } from '../evidence/read-commit.js';

/** The trace tags of a commit message: `[trace:<id> sprint:<id> feature:<id>]`. */
export interface TraceTags {
  traceId?: string;
  sprintId?: string;
  featureIds: string[];
}

/**
 * Reads the trace tags of a commit message (the spec's `[trace:trace-d8c7 sprint:sprint-3]`, with
 * `feature:<id>` where a commit is one feature's).
 *
 * @example traceTagsOf('Add handler [trace:t1 sprint:sprint-3 feature:BookingFlow]') // { traceId: 't1', sprintId: 'sprint-3', featureIds: ['BookingFlow'] }
 */
export function traceTagsOf(message: string): TraceTags {
  const tags: TraceTags = { featureIds: [] };
  for (const tag of commitTags(message)) {
    const colon = tag.indexOf(':');
    const key = tag.slice(0, colon);
    const value = tag.slice(colon + 1);
    if (key === 'trace') tags.traceId ??= value;
    else if (key === 'sprint') tags.sprintId ??= value;
    else if (key === 'feature') tags.featureIds.push(value);
  }
  return tags;
}

/** Whether a message carries any trace tag. */
export function hasTraceTags(tags: TraceTags): boolean {
  return tags.traceId !== undefined || tags.sprintId !== undefined || tags.featureIds.length > 0;
}
