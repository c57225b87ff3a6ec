import type { EventScope, JsonObject } from '../events/envelope.js';
import type { EventType } from '../events/event-type.js';
import type { CompiledMachine } from '../fsm/compiled-machine.js';
import type { MachineInstance } from '../fsm/machine-instance.js';
import type { MachineRegistry } from '../fsm/machine-registry.js';
import type { Board, MilestoneRecord, SprintRecord } from './board.js';
import type { FoldedEvent } from './folded-event.js';
import type { AppendIntent, Intent } from './intent.js';
import type { OrchestratorConfig } from './orchestrator-config.js';

/** What one event changes on the board, and what the shell must do about it. */
export interface Reaction {
  /** The event's position: the board's position once the reaction is applied. */
  position: number;
  /** Records changed (whole new values; the board's are not touched). */
  sprints: ReadonlyMap<string, SprintRecord>;
  milestones: ReadonlyMap<string, MilestoneRecord>;
  /** New milestone ids, in plan order. */
  newMilestones: readonly string[];
  featureSprints: ReadonlyMap<string, string>;
  /** The registry with a newly recorded machine version, when the event recorded one. */
  machines?: MachineRegistry;
  intents: readonly Intent[];
}

/** The scope fields and payload of an event to append, before its id and trace are filled. */
export interface AppendDraft {
  streamId: string;
  eventId: string;
  type: EventType;
  traceId: string;
  correlationId: string;
  scope: EventScope;
  data: JsonObject;
}

/**
 * A reaction being built: reads see the board with this reaction's changes on top; writes go to
 * the reaction only, and the board itself is never changed. In place (`inPlace`, for a replay
 * that folds and builds no intents) the records are written to the board's maps directly; the
 * rest of the reaction is applied by `BoardFold`.
 */
export class ReactionDraft {
  private readonly sprints: Map<string, SprintRecord>;
  private readonly milestones: Map<string, MilestoneRecord>;
  readonly newMilestones: string[] = [];
  readonly featureSprints: Map<string, string>;
  machines: MachineRegistry;
  readonly intents: Intent[] = [];
  // The record last read or written of each kind: a reaction mostly works on one sprint and its
  // milestone, and asks for them at every step.
  private lastSprintId: string | undefined;
  private lastSprint: SprintRecord | undefined;
  private lastMilestoneId: string | undefined;
  private lastMilestone: MilestoneRecord | undefined;

  constructor(
    readonly board: Board,
    /** The event handled; an in-place draft moves on to the next with `restart`. */
    public event: FoldedEvent,
    readonly config: OrchestratorConfig,
    /** False when the caller only folds (a replay): intents are then not built. */
    readonly wantsIntents = true,
    private readonly inPlace = false,
  ) {
    this.machines = board.machines;
    this.sprints = inPlace ? board.sprints : new Map();
    this.milestones = inPlace ? board.milestones : new Map();
    this.featureSprints = inPlace ? board.featureSprints : new Map();
  }

  /**
   * Makes an in-place draft (a replay's) handle `event` next, as a new draft would: a replay folds
   * every event of the log, and reusing its draft spares an object and two lists per event.
   */
  restart(event: FoldedEvent): void {
    this.event = event;
    this.machines = this.board.machines;
    this.newMilestones.length = 0;
    this.lastSprintId = undefined;
    this.lastSprint = undefined;
    this.lastMilestoneId = undefined;
    this.lastMilestone = undefined;
  }

  sprint(id: string): SprintRecord | undefined {
    if (id === this.lastSprintId) return this.lastSprint;
    const found = this.sprints.get(id) ?? this.board.sprints.get(id);
    this.lastSprintId = id;
    this.lastSprint = found;
    return found;
  }

  /**
   * Records the sprint's value after this reaction. Give it even when it is the record read: one
   * changed in place (see `inBatch`) must still reach the reaction. In place, the board already
   * holds it then.
   */
  setSprint(id: string, record: SprintRecord): void {
    if (!(this.inPlace && id === this.lastSprintId && record === this.lastSprint)) this.sprints.set(id, record);
    this.lastSprintId = id;
    this.lastSprint = record;
  }

  /** Records the milestone's value after this reaction (see `setSprint`). */
  setMilestone(id: string, record: MilestoneRecord): void {
    if (!(this.inPlace && id === this.lastMilestoneId && record === this.lastMilestone)) this.milestones.set(id, record);
    this.lastMilestoneId = id;
    this.lastMilestone = record;
  }

  /** `sprint` as a function, for `milestoneEvidence` (made when asked: most reactions never do). */
  get lookupSprint(): (id: string) => SprintRecord | undefined {
    return (id) => this.sprint(id);
  }

  milestone(id: string): MilestoneRecord | undefined {
    if (id === this.lastMilestoneId) return this.lastMilestone;
    const found = this.milestones.get(id) ?? this.board.milestones.get(id);
    this.lastMilestoneId = id;
    this.lastMilestone = found;
    return found;
  }

  /** Milestone ids in plan order, this reaction's new ones last. */
  milestoneOrder(): readonly string[] {
    return this.newMilestones.length === 0 ? this.board.milestoneOrder : [...this.board.milestoneOrder, ...this.newMilestones];
  }

  /** Ids of the sprints planned for a milestone, in planning order (for a milestone planned after its sprints). */
  sprintsOfMilestone(milestoneId: string): string[] {
    const ids = new Set<string>();
    for (const sprint of this.board.sprints.values()) if (sprint.milestoneId === milestoneId) ids.add(sprint.id);
    if (this.sprints !== this.board.sprints) for (const sprint of this.sprints.values()) if (sprint.milestoneId === milestoneId) ids.add(sprint.id);
    return [...ids];
  }

  /** The sprint a feature was last scoped to. */
  sprintOfFeature(featureId: string): string | undefined {
    return this.featureSprints.get(featureId) ?? this.board.featureSprints.get(featureId);
  }

  /** The machine an instance runs: a version recorded in the log, else the config's. */
  machineOf(instance: MachineInstance): CompiledMachine | undefined {
    return this.machines.forInstance(instance) ?? machineFromConfig(this.config, instance);
  }

  /** Milestones of the board and of this reaction. */
  *allMilestones(): Iterable<MilestoneRecord> {
    for (const id of this.milestoneOrder()) {
      const milestone = this.milestone(id);
      if (milestone !== undefined) yield milestone;
    }
  }

  /** Appends an event, caused by the event being handled. */
  append(draft: AppendDraft): void {
    if (!this.wantsIntents) return;
    const event: AppendIntent['event'] = { eventId: draft.eventId, type: draft.type, traceId: draft.traceId, correlationId: draft.correlationId, causationId: this.event.eventId, data: draft.data };
    // Its scope assigned, not spread in: a spread of scopes of several shapes takes V8's slow path
    // (microseconds an event).
    Object.assign(event, draft.scope);
    this.intents.push({ kind: 'append', streamId: draft.streamId, event });
  }

  finish(): Reaction {
    const reaction: Reaction = {
      position: this.event.position,
      sprints: this.sprints,
      milestones: this.milestones,
      newMilestones: this.newMilestones,
      featureSprints: this.featureSprints,
      intents: this.intents,
    };
    if (this.machines !== this.board.machines) reaction.machines = this.machines;
    return reaction;
  }
}

/** The config's machine for an instance, when the instance runs its version. */
export function machineFromConfig(config: OrchestratorConfig, instance: MachineInstance): CompiledMachine | undefined {
  const { sprintMachine, milestoneMachine } = config;
  if (sprintMachine.id === instance.machine && sprintMachine.version === instance.version) return sprintMachine;
  if (milestoneMachine.id === instance.machine && milestoneMachine.version === instance.version) return milestoneMachine;
  return undefined;
}

/** The machine a board record's instance runs: a version recorded in the log, else the config's. */
export function boardMachineOf(board: Board, config: OrchestratorConfig, instance: MachineInstance): CompiledMachine | undefined {
  return board.machines.forInstance(instance) ?? machineFromConfig(config, instance);
}

/** Applies a reaction to the board: the one place the board changes. */
export function applyReaction(board: Board, reaction: Reaction): void {
  for (const [id, sprint] of reaction.sprints) board.sprints.set(id, sprint);
  for (const [id, milestone] of reaction.milestones) board.milestones.set(id, milestone);
  for (const id of reaction.newMilestones) board.milestoneOrder.push(id);
  for (const [featureId, sprintId] of reaction.featureSprints) board.featureSprints.set(featureId, sprintId);
  if (reaction.machines !== undefined) board.machines = reaction.machines;
  if (reaction.position > board.position) board.position = reaction.position;
}
