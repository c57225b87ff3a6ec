import { canonicalJson, eventScopeKeys, type StoredEvent } from '../domain/events/index.js';
import { sha256Hex } from './event-hash.js';

/** A stored event's envelope before the log gives it a place: no position, version or hashes yet. */
export type EventEnvelope = Omit<StoredEvent, 'position' | 'version' | 'prevHash' | 'hash'>;

/**
 * An event ready to be sealed: its envelope and the parts of its canonical JSON that do not depend
 * on its place in the log, serialised once, so appending only concatenates and hashes.
 */
export interface EventTemplate {
  readonly envelope: EventEnvelope;
  /** Canonical JSON of the members sorting before `position`, from the opening brace. */
  readonly head: string;
  /** Canonical JSON of the members sorting between `prevHash` and `version`, each led by a comma. */
  readonly tail: string;
}

/** An event with its place in the log and its chain hash, and the text the store keeps for it. */
export interface SealedEvent {
  readonly event: StoredEvent;
  /**
   * The stored form: the canonical JSON that was hashed with `"hash"` added as the last member.
   * `JSON.parse(text)` gives back `event`.
   */
  readonly text: string;
}

// Every envelope member but the three the log assigns. In canonical (code unit) order they fall
// into two runs: `head` (before `position`) and `tail` (between `prevHash` and `version`), so the
// canonical JSON of a sealed event is head, position, prevHash, tail, version.
const placedKeys = ['position', 'prevHash', 'version'] as const;
const templateKeys = [
  'eventId', 'type', 'streamId', 'occurredAt', 'traceId', 'correlationId', 'causationId', 'tenantId', 'projectId', 'data',
  ...eventScopeKeys,
] as const satisfies readonly (keyof EventEnvelope)[];

type TemplateKey = (typeof templateKeys)[number];
type Member = readonly [key: TemplateKey, prefix: string];

const members = (keys: readonly TemplateKey[]): readonly Member[] => [...keys].sort().map((key) => [key, `${JSON.stringify(key)}:`] as const);
const headMembers = members(templateKeys.filter((key) => key < placedKeys[0]));
const tailMembers = members(templateKeys.filter((key) => key > placedKeys[1] && key < placedKeys[2]));
if (headMembers.length + tailMembers.length !== templateKeys.length || !headMembers.some(([key]) => key === 'eventId')) {
  // A new envelope member sorting after `version` or between `position` and `prevHash` needs a new slot.
  throw new Error('seal-event: envelope members do not fit the head/tail layout');
}

function memberJson(key: TemplateKey, value: unknown, dataJson: string): string {
  return key === 'data' ? dataJson : JSON.stringify(value);
}

/**
 * Serialises the position-independent parts of an envelope. `dataJson` is `canonicalJson(envelope.data)`
 * when the caller already has it.
 */
export function createEventTemplate(envelope: EventEnvelope, dataJson: string = canonicalJson(envelope.data)): EventTemplate {
  // Joined rather than concatenated: the result is one flat string, which hashing and SQLite read
  // far faster than a rope of many small pieces.
  const head: string[] = [];
  for (const [key, prefix] of headMembers) {
    const value = envelope[key];
    if (value !== undefined) head.push(prefix + memberJson(key, value, dataJson));
  }
  const tail: string[] = [''];
  for (const [key, prefix] of tailMembers) {
    const value = envelope[key];
    if (value !== undefined) tail.push(prefix + memberJson(key, value, dataJson));
  }
  return { envelope, head: `{${head.join(',')}`, tail: tail.length > 1 ? tail.join(',') : '' };
}

/**
 * Gives a templated event its place in the log and seals it into the hash chain.
 *
 * @example const { event, text } = sealEvent(template, 1, 1, genesisHash)
 */
export function sealEvent(template: EventTemplate, position: number, version: number, prevHash: string): SealedEvent {
  // One string is both the hash input (prevHash + canonical JSON, as in hashEventText) and, sliced,
  // the start of the stored text: the event is serialised once.
  const input = `${prevHash}${template.head},"position":${position},"prevHash":"${prevHash}"${template.tail},"version":${version}}`;
  const hash = sha256Hex(input);
  const text = `${input.slice(prevHash.length, -1)},"hash":"${hash}"}`;
  return { event: placeEnvelope(template.envelope, position, version, prevHash, hash), text };
}

function placeEnvelope(envelope: EventEnvelope, position: number, version: number, prevHash: string, hash: string): StoredEvent {
  // Written out member by member: an object spread here costs more than hashing the event.
  const event: StoredEvent = {
    eventId: envelope.eventId,
    type: envelope.type,
    streamId: envelope.streamId,
    version,
    position,
    occurredAt: envelope.occurredAt,
    traceId: envelope.traceId,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    tenantId: envelope.tenantId,
    projectId: envelope.projectId,
    data: envelope.data,
    prevHash,
    hash,
  };
  for (const key of eventScopeKeys) {
    const value = envelope[key];
    if (value !== undefined) (event as unknown as Record<string, unknown>)[key] = value;
  }
  return event;
}
