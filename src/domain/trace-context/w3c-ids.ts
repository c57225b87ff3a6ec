import { v5 as uuidV5 } from 'uuid';

/** The UUID namespace of Kairos' name-based W3C ids (fixed forever: changing it re-keys every trace). */
const kairosNamespace = 'a1f0c7e2-5b3d-4c9a-8e6f-2d7b9c1e4a30';

/** 32 lowercase hex digits, never all zeros (a UUIDv5 has version and variant bits set). */
function hexOf(name: string): string {
  return uuidV5(name, kairosNamespace).replaceAll('-', '');
}

/**
 * The W3C trace id (32 hex digits) of a Kairos trace id: the same input gives the same id
 * everywhere, so a trace exported by Kairos is found by computing this from its `traceId`.
 *
 * @example w3cTraceId('trace-abc123') // 32 hex digits, the same on every run
 */
export function w3cTraceId(traceId: string): string {
  return hexOf(`trace:${traceId}`);
}

/**
 * The W3C span id (16 hex digits) of something Kairos names, in the trace it belongs to.
 * Kinds keep the spaces apart: `w3cSpanId('execution', id)` never equals `w3cSpanId('sprint', id)`.
 *
 * @example w3cSpanId('execution', 'exec:sprint-1#4:qa', 'trace-abc123')
 */
export function w3cSpanId(kind: string, id: string, traceId: string): string {
  const hex = hexOf(`span:${kind}:${traceId}:${id}`);
  // Bits 48-51 of a UUID hold its version: skip them so the 16 digits are all hashed, not fixed.
  const spanId = `${hex.slice(0, 12)}${hex.slice(13, 17)}`;
  return spanId === '0000000000000000' ? '0000000000000001' : spanId;
}

/** The span of one agent execution: what an agent's own spans are children of. */
export function executionSpanId(traceId: string, executionId: string): string {
  return w3cSpanId('execution', executionId, traceId);
}

/**
 * The W3C `traceparent` an agent gets for its execution (`00-<trace id>-<span id>-01`): its own
 * spans then join the execution's span in the sprint's trace.
 *
 * @example executionTraceparent('trace-abc123', 'exec:sprint-1#4:qa') // '00-…-…-01'
 */
export function executionTraceparent(traceId: string, executionId: string): string {
  return `00-${w3cTraceId(traceId)}-${executionSpanId(traceId, executionId)}-01`;
}
