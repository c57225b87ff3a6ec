/**
 * The orchestrator's pure core: the board (sprints, milestones, machine versions folded from the
 * log), `react(board, event, config)` → the changes and the intents (events to append, agents to
 * run) with ids derived from their cause, and `applyReaction`. The runtime performs the intents.
 */
export * from './board.js';
export * from './derived-id.js';
export * from './gate-summary.js';
export * from './intent.js';
export * from './orchestrator-config.js';
export * from './planned-definitions.js';
export * from './folded-event.js';
export * from './react.js';
export { applyReaction, boardMachineOf, machineFromConfig, type Reaction } from './reaction.js';
export { waitsOn } from '../fsm/waiting-states.js';
export * from './sprint-view.js';
export * from './board-snapshot.js';
export * from './recovery-view.js';
export * from './approval-wait.js';
export * from './milestone-risks.js';
export { gateEvidence, milestoneEvidence, sprintsOf, type SprintLookup } from './milestone-evidence.js';
export * from './audit-entry.js';
