import { z } from 'zod';

/** A list of names. */
export const stringListSchema = z.array(z.string());

/** One name or a list of names (`dependsOn: Booking.Created` or `dependsOn: [A, B]`). */
export const stringOrListSchema = z.union([z.string(), z.array(z.string())]);
