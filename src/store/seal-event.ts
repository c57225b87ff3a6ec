import { canonicalJson, type StoredEvent } from '../domain/events/index.js';
import { hashEventText } from './event-hash.js';

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

// Every envelope member but the three the log assigns, in canonical (code unit) order. The canonical
// JSON of a sealed event is `head`, then position and prevHash, then `tail`, then version.
const placedKeys = ['position', 'prevHash', 'version'] as const;
const templateKeys = [
  'eventId', 'type', 'streamId', 'occurredAt', 'traceId', 'correlationId', 'causationId', 'tenantId', 'projectId', 'data',
  'sprintId', 'milestoneId', 'featureId', 'agentId', 'skillId', 'moduleId', 'executionId', 'durationMs', 'reason',
] as const satisfies readonly (keyof EventEnvelope)[];

type TemplateKey = (typeof templateKeys)[number];

const headKeys: readonly TemplateKey[] = templateKeys.filter((key) => key < placedKeys[0]).sort();
const tailKeys: readonly TemplateKey[] = templateKeys.filter((key) => key > placedKeys[1] && key < placedKeys[2]).sort();
if (headKeys.length + tailKeys.length !== templateKeys.length || !headKeys.includes('eventId')) {
  // A new envelope member sorting after `version` or between `position` and `prevHash` needs a new slot.
  throw new Error('seal-event: envelope members do not fit the head/tail layout');
}
const memberPrefix = new Map<string, string>(templateKeys.map((key) => [key, `${JSON.stringify(key)}:`]));

function member(key: TemplateKey, value: unknown, dataJson: string): string {
  return memberPrefix.get(key) + (key === 'data' ? dataJson : JSON.stringify(value));
}

/**
 * Serialises the position-independent parts of an envelope. `dataJson` is `canonicalJson(envelope.data)`
 * when the caller already has it.
 */
export function createEventTemplate(envelope: EventEnvelope, dataJson: string = canonicalJson(envelope.data)): EventTemplate {
  let head = '{';
  for (const key of headKeys) {
    const value = envelope[key];
    if (value === undefined) continue;
    if (head.length > 1) head += ',';
    head += member(key, value, dataJson);
  }
  let tail = '';
  for (const key of tailKeys) {
    const value = envelope[key];
    if (value === undefined) continue;
    tail += ',' + member(key, value, dataJson);
  }
  return { envelope, head, tail };
}

/**
 * Gives a templated event its place in the log and seals it into the hash chain.
 *
 * @example const { event, text } = sealEvent(template, 1, 1, genesisHash)
 */
export function sealEvent(template: EventTemplate, position: number, version: number, prevHash: string): SealedEvent {
  const open = `${template.head},"position":${position},"prevHash":"${prevHash}"${template.tail},"version":${version}`;
  const hash = hashEventText(prevHash, open + '}');
  const event: StoredEvent = { ...template.envelope, position, version, prevHash, hash };
  return { event, text: `${open},"hash":"${hash}"}` };
}
