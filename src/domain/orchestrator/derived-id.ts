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

/** The id of the execution of `role` started on entering a state (or by a retry request). */
export function derivedExecutionId(sprintId: string, stay: number, role: string, retry?: number): string {
  return retry === undefined ? `exec:${sprintId}#${stay}:${role}` : `exec:${sprintId}#${stay}:${role}~${retry}`;
}
