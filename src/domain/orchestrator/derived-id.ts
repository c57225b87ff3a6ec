/**
 * Ids of what the orchestrator decides, derived from where it is decided: the stream, the number
 * of transitions the instance had taken (which identifies one stay in one state) and what is
 * decided. The same decision made twice (after a crash, or by two events in one stay) gets the
 * same id, and the store keeps only the first.
 *
 * @example derivedEventId('sprint-sprint-1', 3, 'SprintReadyToStart') // 'sprint-sprint-1#3:SprintReadyToStart'
 */
export function derivedEventId(streamId: string, stay: number, what: string): string {
  return `${streamId}#${stay}:${what}`;
}

/**
 * The id of the execution of `role` started on entering a state, or by a person's retry request
 * (`~<its position>`), or as an automatic retry of a failure (`@<attempt>`).
 *
 * @example derivedExecutionId('sprint-1', 4, 'qa', undefined, 2) // 'exec:sprint-1#4:qa@2'
 */
export function derivedExecutionId(sprintId: string, stay: number, role: string, retry?: number, attempt = 1): string {
  const requested = retry === undefined ? '' : `~${retry}`;
  const repeated = attempt > 1 ? `@${attempt}` : '';
  return `exec:${sprintId}#${stay}:${role}${requested}${repeated}`;
}
