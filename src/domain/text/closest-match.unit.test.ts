import { describe, expect, it } from 'vitest';
import { didYouMean } from './closest-match.js';

describe('didYouMean', () => {
  it('suggests a likely typo and nothing for a name that shares no letters', () => {
    expect(didYouMean('gateCondition', ['gateConditions', 'id'])).toBe(' (did you mean gateConditions?)');
    expect(didYouMean('k0', ['id', 'name'])).toBe('');
    expect(didYouMean('Payments', ['BookingFlow'])).toBe('');
  });
});
