/**
 * The words of a name, lower-cased: split at anything that is not a letter or digit and at
 * camelCase humps, so `BookingFlow`, `booking-flow`, `Booking flow` and `tests/booking_flow.test.ts`
 * all contain `booking`, `flow`.
 *
 * @example nameTokens('BookAppointment.feature') // ['book', 'appointment', 'feature']
 */
export function nameTokens(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .flatMap((word) => word.split(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u))
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}
