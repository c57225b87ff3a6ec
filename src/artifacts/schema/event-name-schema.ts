import { z } from 'zod';
import { eventTypeNames, isEventType } from '../../domain/events/event-type.js';
import { fsmSignalNames, isFsmSignal } from '../../domain/fsm/fsm-signal.js';
import { didYouMean } from '../../domain/text/closest-match.js';
import { warningIssue } from './warning-issue.js';

/**
 * An event Kairos appends (`emit`, `onDeferEmit`, an event file's type): it must be in the event
 * catalog, because the log refuses any other type.
 */
export const emittedEventSchema = z.string().superRefine((name, context) => {
  if (isEventType(name)) return;
  context.addIssue({ code: 'custom', message: `unknown event ${name}${didYouMean(name, eventTypeNames)}; the event log only accepts catalog events` });
});

/**
 * An event something waits for (a transition's `on`, a trigger's `event`, a sprint's `trigger`):
 * a catalog event or an FSM signal. Anything else only warns, since an outside system may emit it.
 */
export const awaitedEventSchema = z.string().superRefine((name, context) => {
  if (isEventType(name) || isFsmSignal(name)) return;
  context.addIssue(
    warningIssue(`${name} is neither a catalog event nor an FSM signal${didYouMean(name, [...eventTypeNames, ...fsmSignalNames])}; it fires only if something emits it`, []),
  );
});
