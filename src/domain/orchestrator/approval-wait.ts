import type { OrchestratorConfig } from './orchestrator-config.js';

/** What a sprint or milestone held for an approval waits for, in words, with the command that gives it. */
export function approvalWait(subjectId: string, approval: string | undefined, config: OrchestratorConfig, rejectedReason?: string, afterRejection = 'a new plan'): string | undefined {
  if (approval === 'requested') {
    const who = config.approvers === undefined || config.approvers.length === 0 ? 'a holder of an approval role' : config.approvers.join(' or ');
    return `an approval by ${who} (kairos approve ${subjectId} --as <user>)`;
  }
  if (approval === 'rejected') return `${afterRejection}: the approval was rejected${rejectedReason === undefined ? '' : ` (${rejectedReason})`}`;
  return undefined;
}
