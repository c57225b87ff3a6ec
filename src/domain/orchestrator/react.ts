import type { StoredEvent } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { readAnchors } from '../evidence/evidence-event.js';
import { isRecord, type JsonRecord } from '../evidence/read-json.js';
import type { Board } from './board.js';
import type { FoldedEvent } from './folded-event.js';
import { recordMachine } from './machine-step.js';
import { attachSprint, decideMilestone, planMilestone, startMilestones, stepMilestone } from './milestone-step.js';
import type { OrchestratorConfig } from './orchestrator-config.js';
import { ReactionDraft, type Reaction } from './reaction.js';
import { decideSprint } from './sprint-decisions.js';
import { planSprint } from './sprint-plan.js';
import { stepSprint } from './sprint-step.js';

/**
 * The orchestrator's pure core: what one event changes on the board and what must happen next
 * (events to append, agents to run). Deterministic: the same board and event always give the same
 * reaction, with the same derived ids. Never throws on a malformed event (it changes nothing);
 * never changes `board` (see `applyReaction`).
 *
 * @example
 * const reaction = react(board, event, config);
 * applyReaction(board, reaction); // then perform reaction.intents
 */
export function react(board: Board, event: StoredEvent, config: OrchestratorConfig): Reaction {
  const draft = new ReactionDraft(board, event, config);
  decide(draft, event);
  return draft.finish();
}

/**
 * Folds events into `board`, in place: after each, the board is as `applyReaction(board,
 * react(board, event, config))` leaves it, without building the reaction or its intents. For
 * replays, which change their own board and perform nothing.
 *
 * @example
 * const fold = new BoardFold(board, config);
 * for (const event of events) fold.fold(event);
 */
export class BoardFold {
  private draft: ReactionDraft | undefined;

  constructor(
    readonly board: Board,
    private readonly config: OrchestratorConfig,
  ) {}

  fold(event: FoldedEvent): void {
    const { board } = this;
    let draft = this.draft;
    if (draft === undefined) this.draft = draft = new ReactionDraft(board, event, this.config, false, true);
    else draft.restart(event);
    decide(draft, event);
    for (const id of draft.newMilestones) board.milestoneOrder.push(id);
    board.machines = draft.machines;
    if (event.position > board.position) board.position = event.position;
  }
}

/** What `event` changes and decides, written to `draft`. */
function decide(draft: ReactionDraft, event: FoldedEvent): void {
  const data: JsonRecord = isRecord(event.data) ? event.data : {};
  const anchors = readAnchors(event, data);
  if (event.type === EventType.StateMachineDefined) recordMachine(draft, data);
  if (event.type === EventType.MilestonePlanCreated && anchors.milestoneId !== undefined) {
    planMilestone(draft, anchors.milestoneId, data);
  }
  const sprintId = anchors.sprintId ?? (anchors.featureId === undefined ? undefined : draft.sprintOfFeature(anchors.featureId));
  if (event.type === EventType.SprintPlanned && sprintId !== undefined) {
    planSprint(draft, sprintId, data);
    const milestoneId = draft.sprint(sprintId)?.milestoneId;
    if (milestoneId !== undefined) attachSprint(draft, milestoneId, sprintId);
  }
  if (sprintId !== undefined) stepSprint(draft, sprintId, data);
  const milestoneId = anchors.milestoneId ?? (sprintId === undefined ? undefined : draft.sprint(sprintId)?.milestoneId);
  if (milestoneId !== undefined) stepMilestone(draft, milestoneId, sprintId);

  // Decisions see the whole reaction: a sprint closing can complete its milestone, which can
  // start the next one, which can let that milestone's sprints start.
  if (sprintId !== undefined) decideSprint(draft, sprintId);
  const settled = milestoneId !== undefined && decideMilestone(draft, milestoneId, sprintId);
  if (event.type === EventType.MilestonePlanCreated || settled) startMilestones(draft);
  if (event.type === EventType.MilestoneStarted && milestoneId !== undefined) {
    for (const id of draft.milestone(milestoneId)?.sprints ?? []) decideSprint(draft, id);
  }
}
