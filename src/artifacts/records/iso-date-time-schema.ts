import { z } from 'zod';

/** A calendar label: an ISO-8601 date-time with a zone, e.g. `2025-05-12T10:00:00Z`. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
