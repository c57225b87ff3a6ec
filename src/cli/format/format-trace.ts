import type { TraceMatrixFeature, TraceWalk } from '../../domain/trace/index.js';

/** Items of a list shown before `and N more`. */
const shown = 8;

/**
 * A walk as people read it: what the reference is, where it comes from (`←`), what it produced
 * (`→`), and the events on the way.
 *
 * @example
 * file src/Booking.Create.mjs
 *   ← feature Booking.Create · sprint sprint-1 · milestone mvp-ready
 *   ← agent backend-developer · skill GenerateHandler · execution exec:sprint-1#5:backend-developer
 *   ← trace trace-3f9a1c0d2b7e
 *   events (4): …
 */
export function formatTraceWalk(walk: TraceWalk): string[] {
  const lines = [`${walk.kind} ${walk.id}`];
  const back = (parts: [string, readonly string[]][]): void => {
    const text = parts.filter(([, values]) => values.length > 0).map(([name, values]) => `${name} ${list(values)}`);
    if (text.length > 0) lines.push(`  ← ${text.join(' · ')}`);
  };
  back([
    ['feature', walk.kind === 'feature' ? [] : walk.features],
    ['sprint', walk.kind === 'sprint' ? [] : walk.sprints],
    ['milestone', walk.kind === 'milestone' ? [] : walk.milestones],
  ]);
  back([
    ['agent', walk.kind === 'agent' ? [] : walk.agents],
    ['skill', walk.kind === 'skill' ? [] : walk.skills],
    ['execution', walk.kind === 'execution' ? [] : walk.executions],
  ]);
  back([['trace', walk.kind === 'trace' ? [] : walk.traceIds]]);
  for (const share of walk.produced) {
    if (walk.kind !== 'sprint') lines.push(`  → sprint ${share.sprintId}${share.milestoneId === undefined ? '' : ` (milestone ${share.milestoneId})`}`);
    for (const row of share.features) lines.push(...featureLines(row, walk.kind === 'sprint' ? '  → ' : '    → '));
  }
  if (walk.files.length > 0) lines.push(`  → files ${list(walk.files)}`);
  lines.push(`  events on the way (${walk.eventCount}${walk.eventCount > walk.events.length ? `, the last ${walk.events.length}` : ''}):`);
  for (const event of walk.events) {
    const scope = [event.featureId, event.agentId, event.executionId].filter((part) => part !== undefined).join(' ');
    lines.push(`    ${String(event.position).padStart(7)}  ${event.occurredAt}  ${event.type.padEnd(24)} ${event.streamId}${scope === '' ? '' : `  ${scope}`}`);
  }
  return lines;
}

function featureLines(row: TraceMatrixFeature, prefix: string): string[] {
  const missing = row.missing.length === 0 ? '' : ` (missing: ${row.missing.join(', ')})`;
  const lines = [`${prefix}feature ${row.id}: ${row.status}${missing}, coverage ${row.coverage ?? '—'}`];
  const indent = ' '.repeat(prefix.length + 4);
  const parts: [string, readonly string[]][] = [
    ['files', row.files],
    ['tests', row.tests],
    ['commits', row.commits.map((sha) => sha.slice(0, 12))],
    ['pull requests', row.pullRequests],
    ['agents', row.agents],
    ['images', row.images ?? (row.imageId === undefined ? [] : [row.imageId])],
    ['git tags', row.tags ?? []],
  ];
  for (const [name, values] of parts) if (values.length > 0) lines.push(`${indent}${name}: ${list(values)}`);
  return lines;
}

function list(values: readonly string[]): string {
  return values.length <= shown ? values.join(', ') : `${values.slice(0, shown).join(', ')} and ${values.length - shown} more`;
}
