import { CalendarAccumulator, type CalendarTime } from '../domain/calendar/index.js';
import type { EventStore } from '../store/index.js';

/** The calendar time of a whole log (see `calendarTime`), read page by page: `kairos status --json` and Studio. */
export async function calendarOfLog(store: EventStore, pageSize = 1000): Promise<CalendarTime> {
  const calendar = new CalendarAccumulator();
  for (let from = 1; ; ) {
    const events = await store.readAll({ fromPosition: from, limit: pageSize });
    if (events.length === 0) return calendar.view();
    for (const event of events) calendar.add(event);
    from = (events.at(-1)?.position ?? from) + 1;
  }
}
