import { describe, expect, it } from 'vitest';
import { awaitedEventSchema, emittedEventSchema } from './event-name-schema.js';
import { isWarningParams } from './warning-issue.js';

describe('event name schemas', () => {
  it('accepts catalog events everywhere and FSM signals where an event is awaited', () => {
    expect(emittedEventSchema.safeParse('FeatureDeferred').success).toBe(true);
    expect(awaitedEventSchema.safeParse('GateConditionsSatisfied').success).toBe(true);
    expect(awaitedEventSchema.safeParse('allSprintsClosed').success).toBe(true);
    expect(emittedEventSchema.safeParse('allSprintsClosed').success).toBe(false);
  });

  it('refuses an unknown emitted event but only warns about an unknown awaited one', () => {
    const emitted = emittedEventSchema.safeParse('SprintClosd').error?.issues[0];
    expect(emitted?.message).toBe('unknown event SprintClosd (did you mean SprintClosed?); the event log only accepts catalog events');
    expect(emitted?.code === 'custom' && isWarningParams(emitted.params)).toBe(false);
    const awaited = awaitedEventSchema.safeParse('DeployFinished').error?.issues[0];
    expect(awaited?.code === 'custom' && isWarningParams(awaited.params)).toBe(true);
  });
});
