import { describe, expect, it } from 'vitest';
import { createSuggester } from './suggester.js';

describe('createSuggester', () => {
  it('suggests the closest name, or nothing when none is close', () => {
    const suggest = createSuggester(['BookingFlow', 'Auth.Login']);
    expect(suggest('BookingFlw')).toBe(' (did you mean BookingFlow?)');
    expect(suggest('Payments')).toBe('');
  });

  it('stops suggesting once its comparison budget is spent', () => {
    const suggest = createSuggester(['alpha', 'beta', 'gamma'], 7);
    expect(suggest('alpah')).toBe(' (did you mean alpha?)');
    expect(suggest('alpah')).toBe(' (did you mean alpha?)');
    expect(suggest('alpah')).toBe('');
  });
});
