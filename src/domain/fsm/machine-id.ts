/** The machines Kairos runs; a workspace may replace each with `planning/fsm/<id>.yaml`. */
export const MachineId = { Sprint: 'sprint', Milestone: 'milestone', Phase: 'phase' } as const;
export type MachineId = (typeof MachineId)[keyof typeof MachineId];
