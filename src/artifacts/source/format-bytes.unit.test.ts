import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

describe('formatBytes', () => {
  it('rounds to one decimal in the largest fitting unit', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(3584)).toBe('3.5 KiB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MiB');
    expect(formatBytes(3 * 1024 * 1024 + 7)).toBe('3 MiB');
  });
});
