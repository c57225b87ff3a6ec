import { eventScopeKeys, type StoredEvent } from '../../domain/events/index.js';

const columns = [
  { title: 'POS', width: 7, align: 'right' },
  { title: 'OCCURRED AT', width: 24, align: 'left' },
  { title: 'STREAM', width: 36, align: 'left' },
  { title: 'VER', width: 5, align: 'right' },
  { title: 'TYPE', width: 24, align: 'left' },
] as const;

function cell(text: string, width: number, align: 'left' | 'right'): string {
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

/** The header line of the `kairos events` table. */
export function eventTableHeader(): string {
  return [...columns.map((c) => cell(c.title, c.width, c.align)), 'SCOPE'].join('  ');
}

/** One event as a line of the `kairos events` table: position, time, stream, version, type, scope. */
export function formatEventRow(event: StoredEvent): string {
  const scope = eventScopeKeys
    .filter((key) => event[key] !== undefined)
    .map((key) => `${key.replace(/Id$/, '')}=${String(event[key])}`);
  scope.push(`trace=${event.traceId}`);
  const values = [String(event.position), event.occurredAt, event.streamId, String(event.version), event.type];
  return [...values.map((v, i) => cell(v, columns[i]?.width ?? 0, columns[i]?.align ?? 'left')), scope.join(' ')].join('  ');
}
