/** Stream names (DESIGN.md section 4): one stream per sprint, milestone, feature and agent. */
export const StreamPrefix = {
  Sprint: 'sprint-',
  Milestone: 'milestone-',
  Feature: 'feature-',
  Agent: 'agent-',
} as const;
export type StreamPrefix = (typeof StreamPrefix)[keyof typeof StreamPrefix];

export const planningStream = 'planning';
export const governanceStream = 'governance';

export const sprintStream = (sprintId: string): string => `${StreamPrefix.Sprint}${sprintId}`;
export const milestoneStream = (milestoneId: string): string => `${StreamPrefix.Milestone}${milestoneId}`;
export const featureStream = (featureId: string): string => `${StreamPrefix.Feature}${featureId}`;
export const agentStream = (agentId: string): string => `${StreamPrefix.Agent}${agentId}`;
