import { describe, expect, it } from 'vitest';
import { executionSpanId, executionTraceparent, w3cSpanId, w3cTraceId } from './w3c-ids.js';

describe('W3C ids of Kairos ids', () => {
  it('maps a trace id to 32 hex digits, the same every time and different per trace', () => {
    const id = w3cTraceId('trace-abc123');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(w3cTraceId('trace-abc123')).toBe(id);
    expect(w3cTraceId('trace-abc124')).not.toBe(id);
    // Fixed forever: a trace exported yesterday must be found with today's build.
    expect(id).toBe('49d26576b06b5983908e333ad34d1e30');
  });

  it('keeps span ids apart by kind, id and trace', () => {
    const ids = new Set([
      w3cSpanId('execution', 'x', 'trace-1'),
      w3cSpanId('sprint', 'x', 'trace-1'),
      w3cSpanId('execution', 'y', 'trace-1'),
      w3cSpanId('execution', 'x', 'trace-2'),
    ]);
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives an agent a traceparent whose parent is its execution span', () => {
    const parent = executionTraceparent('trace-abc123', 'exec:sprint-1#4:qa');
    expect(parent).toBe(`00-${w3cTraceId('trace-abc123')}-${executionSpanId('trace-abc123', 'exec:sprint-1#4:qa')}-01`);
    expect(parent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
