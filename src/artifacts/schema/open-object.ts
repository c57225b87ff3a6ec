import { z } from 'zod';
import { didYouMean } from '../../domain/text/closest-match.js';
import { isRecord } from './is-record.js';
import { warningIssue } from './warning-issue.js';

/**
 * A map of known keys that keeps unknown keys and warns about each one (with a did-you-mean),
 * instead of dropping or refusing them. The warning runs even when other keys have errors, so
 * every problem is reported at once.
 */
export function openObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.looseObject(shape).superRefine(
    (value, context) => {
      if (!isRecord(value)) return;
      for (const key of Object.keys(value)) {
        if (known.includes(key)) continue;
        context.addIssue(warningIssue(`unknown key ${key} is kept but not used${didYouMean(key, known)}`, [key], 'key'));
      }
    },
    { when: (payload) => isRecord(payload.value) },
  );
}
