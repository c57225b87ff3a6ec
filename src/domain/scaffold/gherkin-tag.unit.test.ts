import { describe, expect, it } from 'vitest';
import { gherkinTag, maxTagLength } from './gherkin-tag.js';

describe('gherkinTag', () => {
  it('keeps letters and digits of any script, _, - and ., and turns other runs into one -', () => {
    expect(gherkinTag('BookingService')).toBe('@BookingService');
    expect(gherkinTag('Booking Service / v2.1')).toBe('@Booking-Service-v2.1');
    expect(gherkinTag('  @réservation#été  ')).toBe('@réservation-été');
    expect(gherkinTag('予約_サービス')).toBe('@予約_サービス');
  });

  it('adds the prefix unless the value already starts with it (any case)', () => {
    expect(gherkinTag('3', 'sprint')).toBe('@sprint-3');
    expect(gherkinTag('sprint-3', 'sprint')).toBe('@sprint-3');
    expect(gherkinTag('Sprint 3', 'sprint')).toBe('@Sprint-3');
    expect(gherkinTag('sprinter', 'sprint')).toBe('@sprint-sprinter');
  });

  it('gives undefined when nothing is left', () => {
    expect(gherkinTag(' @# ')).toBeUndefined();
    expect(gherkinTag('', 'trace')).toBeUndefined();
  });

  it(`cuts the body to ${maxTagLength} code points`, () => {
    expect(gherkinTag('x'.repeat(200))).toBe(`@${'x'.repeat(maxTagLength)}`);
  });
});
