import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openObject } from './open-object.js';

describe('openObject', () => {
  const schema = openObject({ id: z.string(), gateConditions: z.array(z.string()).optional() });

  it('keeps unknown keys and warns about each, with a did-you-mean', () => {
    const result = schema.safeParse({ id: 'm1', gateCondition: ['x'], colour: 'red' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message, issue.code === 'custom' ? issue.params : undefined])).toEqual([
      [['gateCondition'], 'unknown key gateCondition is kept but not used (did you mean gateConditions?)', { severity: 'warning', at: 'key' }],
      [['colour'], 'unknown key colour is kept but not used', { severity: 'warning', at: 'key' }],
    ]);
  });

  it('still warns when known keys have errors, so every problem is reported at once', () => {
    const result = schema.safeParse({ id: 7, colour: 'red' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['id'], ['colour']]);
  });

  it('exports to JSON Schema as an object that allows other keys', () => {
    expect(z.toJSONSchema(schema, { target: 'draft-7' })).toMatchObject({ type: 'object', required: ['id'], additionalProperties: {} });
  });
});
