import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeCanonicalJson, type ProposedEvent, type StoredEvent } from '../../domain/events/index.js';
import { inBatch, wholeFold, type BatchOwnership } from '../../domain/evidence/index.js';
import {
  applyReaction,
  BoardFold,
  boardSnapshot,
  emptyBoard,
  react,
  unfoldedMembers,
  type AppendIntent,
  type Board,
  type ExecutionRecord,
  type ExecutionRequest,
  type FoldedEvent,
  type OrchestratorConfig,
  type SprintRecord,
} from '../../domain/orchestrator/index.js';
import type { EventStore } from '../../store/index.js';
import { reapOrphanAgents } from '../agents/agent-processes.js';
import type { AgentRunner } from '../agents/agent-runner.js';
import { systemClock, type Clock } from '../clock.js';
import { AgentSlots } from './agent-slots.js';
import { ExecutionMetadataWriter } from './execution-metadata-writer.js';
import { CheckpointSaver, checkpointPath, readCheckpoint } from './orchestrator-checkpoint.js';
import type { OrchestratorObserver } from './orchestrator-observer.js';
import { performExecution, recordStart, workspaceRealPath, type ExecutionDeps } from './perform-execution.js';
import { SprintStateWriter } from './sprint-state-writer.js';

export interface OrchestratorOptions {
  store: EventStore;
  config: OrchestratorConfig;
  runner: AgentRunner;
  workspace: string;
  clock?: Clock;
  /** Events handled per step (their intents performed together, then the checkpoint saved). Default 1,000. */
  pageSize?: number;
  /** Keep `execution/<sprintId>/fsm-state.json` current (see SprintStateWriter). Default true. */
  writeSprintStates?: boolean;
  /** Called after each side effect (`append`, `start`, `checkpoint` handed to its writer): progress, and fault injection in tests. */
  onStep?: ((step: string) => void) | undefined;
  /**
   * Called when the run has nothing left to do, before it reports idle: outside facts (the git
   * repository) are brought into the log here. Returns how many events it appended; the run goes on
   * while that is more than 0.
   */
  onIdle?: ((board: Board) => Promise<number>) | undefined;
  /** Told of every event reacted to (telemetry); none by default, and then nothing extra runs. */
  observer?: OrchestratorObserver | undefined;
}

/** What a run did. */
export interface RunSummary {
  /** Events handled (reacted to) by this run. */
  handled: number;
  /** Events this run appended (derived decisions and agent output). */
  appended: number;
  /** Agent executions started by this run (re-runs of interrupted ones included). */
  executions: number;
  /** Interrupted executions found and run again. */
  recovered: number;
  /** Process groups of command agents a killed run left behind, killed before their executions ran again. */
  reaped: number;
  /** The log's position when the run went idle. */
  position: number;
  boardHash: string;
}

/**
 * The runtime around `react`: reads the log from its checkpoint, reacts to each page of events,
 * performs the intents (appends with derived ids; agent executions recorded before they run), then
 * hands the sprint state files and the checkpoint to background writers — in that order, so a
 * crash anywhere is followed by a run that redoes only what is missing (the files are views,
 * rewritten whole by the next run). One orchestrator per workspace (see `lockWorkspace`).
 */
export class Orchestrator {
  readonly board: Board = emptyBoard();
  private readonly store: EventStore;
  private readonly clock: Clock;
  private readonly pageSize: number;
  private readonly inflight = new Map<string, Promise<void>>();
  /** Executions this process started: only the others can have been interrupted. */
  private readonly startedHere = new Set<string>();
  private readonly abort = new AbortController();
  private readonly checkpointFile: string;
  private readonly checkpoints: CheckpointSaver;
  /** What the current (or last) `runUntilIdle` did. */
  private summary = { handled: 0, appended: 0, executions: 0, recovered: 0, reaped: 0 };
  /** Resolves when the next execution in flight settles (one shared promise, not a race over thousands). */
  private settled: { promise: Promise<void>; resolve: () => void } = settleSignal();
  private failure: unknown;
  private readonly states: SprintStateWriter | undefined;
  private readonly slots: AgentSlots;
  /** Records copied by this orchestrator's folds, which only its board holds (see `inBatch`). */
  private readonly owned = new WeakSet<object>();
  /** This orchestrator's `execution-metadata.json` writer: flushed before a run reports idle. */
  private readonly metadata = new ExecutionMetadataWriter();
  private readonly executionDeps: ExecutionDeps;

  constructor(private readonly options: OrchestratorOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.pageSize = options.pageSize ?? 1000;
    this.checkpointFile = checkpointPath(options.workspace);
    this.checkpoints = new CheckpointSaver(this.checkpointFile);
    this.executionDeps = {
      store: this.store, runner: options.runner, clock: this.clock, workspace: options.workspace, signal: this.abort.signal,
      elapsed: () => performance.now(), metadata: this.metadata, realWorkspace: workspaceRealPath(options.workspace),
    };
    this.states = options.writeSprintStates === false ? undefined : new SprintStateWriter(options.workspace, options.config);
    const concurrency = new Map(options.config.agents.map((agent) => [agent.id, agent.concurrency]));
    this.slots = new AgentSlots((agentId) => concurrency.get(agentId) ?? 1);
  }

  /**
   * Rebuilds the board from the log up to the saved checkpoint (those events' intents were all
   * performed). A missing checkpoint, or one of another log, starts from the beginning.
   */
  async resume(): Promise<void> {
    const checkpoint = await readCheckpoint(this.checkpointFile);
    if (checkpoint === undefined || checkpoint.position === 0) return;
    const [last] = await this.store.readAll({ fromPosition: checkpoint.position, limit: 1 });
    if (last?.position !== checkpoint.position || last.hash !== checkpoint.hash) return;
    await foldLog(this.store, this.board, this.options.config, checkpoint.position, this.pageSize, this.owned);
  }

  /**
   * Drives every open sprint and milestone until nothing more can happen without outside input:
   * every event handled, every agent finished. Executions left running by a killed process are run
   * again (their output ids are derived, so nothing is stored twice).
   */
  async runUntilIdle(): Promise<RunSummary> {
    this.summary = { handled: 0, appended: 0, executions: 0, recovered: 0, reaped: 0 };
    // A killed Kairos leaves its command agents' process groups running: they go before anything
    // starts here (so none of this process's own agents is taken for one), and their executions
    // run again once the log is read.
    if (this.startedHere.size === 0) this.summary.reaped = (await reapOrphanAgents(this.options.workspace)).length;
    let recovered = false;
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      const failedWrite = this.checkpoints.failure ?? this.states?.failure;
      if (failedWrite !== undefined) throw failedWrite.error;
      const events = await this.store.readAll({ fromPosition: this.board.position + 1, limit: this.pageSize });
      if (events.length > 0) {
        await this.handle(events);
        continue;
      }
      if (!recovered) {
        recovered = true;
        await this.recoverInterrupted();
        continue;
      }
      if (this.inflight.size > 0) {
        await this.nextSettled();
        continue;
      }
      if (this.options.onIdle !== undefined && (await this.options.onIdle(this.board)) > 0) continue;
      break;
    }
    await this.states?.flushAll(this.board);
    await this.metadata.flush();
    const boardHash = hashBoard(this.board);
    const [last] = this.board.position === 0 ? [] : await this.store.readAll({ fromPosition: this.board.position, limit: 1 });
    this.checkpoints.save({ position: this.board.position, hash: last?.hash ?? '', boardHash });
    await this.checkpoints.settled();
    return { ...this.summary, position: this.board.position, boardHash };
  }

  /**
   * Stops agents in flight (they are recorded as interrupted and run again next time), and
   * resolves once they have ended and their execution records are written: nothing of this
   * orchestrator touches the workspace afterwards.
   */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.inflight.values(), this.checkpoints.settled(), this.states?.settled()]);
    await this.metadata.flush();
  }

  private async handle(events: readonly StoredEvent[]): Promise<void> {
    const appends = new Map<string, AppendIntent>();
    const runs: ExecutionRequest[] = [];
    const dirty = new Set<string>();
    const observer = this.options.observer;
    // Copy-on-write over the orchestrator's life: a record copied while folding is updated in place
    // afterwards (the board is the only holder of the replaced values, and intents never reference
    // evidence or sprint records), so each record is copied once, not per event.
    inBatch(() => {
      for (const event of events) {
        const reaction = react(this.board, event, this.options.config);
        applyReaction(this.board, reaction);
        if (observer !== undefined) observer.eventReacted(event, reaction, this.board);
        for (const sprintId of reaction.sprints.keys()) dirty.add(sprintId);
        for (const intent of reaction.intents) {
          if (intent.kind === 'append') appends.set(intent.event.eventId, intent);
          else runs.push(intent.execution);
        }
      }
    }, this.owned);
    this.summary.handled += events.length;
    // Decisions and execution starts go out together: the store writes them in one transaction.
    await Promise.all([this.appendAll([...appends.values()]), ...runs.map((request) => this.start(request, false))]);
    // The files go to disk in the background: the next page need not wait for them.
    if (this.states !== undefined) {
      this.states.mark(dirty);
      this.states.flushChanged(this.board);
    }
    const last = events.at(-1) as StoredEvent;
    this.checkpoints.save({ position: last.position, hash: last.hash });
    this.options.onStep?.('checkpoint');
  }

  private async appendAll(intents: readonly AppendIntent[]): Promise<void> {
    const occurredAt = this.clock.now();
    const results = await Promise.all(
      intents.map((intent) => this.store.append(intent.streamId, [{ ...intent.event, occurredAt } as ProposedEvent])),
    );
    for (const result of results) {
      if (!result.duplicate) this.summary.appended += result.events.length;
      this.options.onStep?.('append');
    }
  }

  /** Records an execution's start and, if this process recorded it (or recovers it), runs it in the background. */
  private async start(request: ExecutionRequest, recovering: boolean): Promise<void> {
    if (this.startedHere.has(request.executionId)) return;
    const fresh = await recordStart(this.executionDeps, request);
    this.options.onStep?.('start');
    // Recorded before: it ran, or a killed process was running it (recovered once the log is read).
    if ((!fresh && !recovering) || this.startedHere.has(request.executionId)) return;
    this.startedHere.add(request.executionId);
    this.summary.executions++;
    if (fresh) this.summary.appended++;
    const running = this.afterBackoff(request)
      .then((go) => (go ? this.withSlot(request, () => performExecution(this.executionDeps, request)) : 0))
      .then((appended) => {
        this.summary.appended += appended;
      })
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.inflight.delete(request.executionId);
        const { resolve } = this.settled;
        this.settled = settleSignal();
        resolve();
      });
    this.inflight.set(request.executionId, running);
  }

  /** Runs `perform` once the agent has a free slot (its `concurrency`; an isolated sprint's execution runs alone). */
  private async withSlot(request: ExecutionRequest, perform: () => Promise<number>): Promise<number> {
    const release = await this.slots.acquire(request.agentId, request.isolated === true);
    try {
      return await perform();
    } finally {
      release();
    }
  }

  /**
   * Waits out a retry's backoff (calendar time: logical time does not move meanwhile). False when
   * the run was stopped first: the execution stays recorded as started and is recovered next run.
   */
  private async afterBackoff(request: ExecutionRequest): Promise<boolean> {
    if (request.delayMs === undefined) return true;
    try {
      await sleep(request.delayMs, undefined, { signal: this.abort.signal });
      return true;
    } catch {
      return false;
    }
  }

  /** Executions the board says are running but no process runs: a killed run left them. */
  private async recoverInterrupted(): Promise<void> {
    const starts: Promise<void>[] = [];
    for (const sprint of this.board.sprints.values()) {
      for (const execution of sprint.running) {
        if (this.startedHere.has(execution.executionId) || execution.agentId === undefined) continue;
        this.summary.recovered++;
        starts.push(this.start(requestFor(sprint, execution, execution.agentId, this.options.config), true));
      }
    }
    await Promise.all(starts);
  }

  private nextSettled(): Promise<void> {
    return this.settled.promise;
  }
}

function settleSignal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * Folds the log into `board` up to `until` (inclusive), without performing anything. By default
 * the fold takes `board` over and changes its records in place (`wholeFold`): give a fresh board,
 * or one nothing else holds a part of.
 */
export async function foldLog(
  store: EventStore,
  board: Board,
  config: OrchestratorConfig,
  until = Number.MAX_SAFE_INTEGER,
  pageSize = 1000,
  /** Ownership of the records changed (see `inBatch`): the board holder's, when it keeps folding into it. */
  owned: BatchOwnership = wholeFold,
): Promise<Board> {
  const fold = new BoardFold(board, config);
  const foldPage = (events: (FoldedEvent | undefined)[]): void =>
    inBatch(() => {
      // Each event is let go once folded: a young-generation collection in the middle of the page
      // then copies only the events still to fold, not the whole page.
      for (let index = 0; index < events.length; index++) {
        const event = events[index] as FoldedEvent;
        events[index] = undefined;
        fold.fold(event);
      }
    }, owned);
  // Read again until a reading finds nothing new: events appended meanwhile are folded too.
  for (let before = -1; board.position !== before && board.position < until; ) {
    before = board.position;
    for await (const events of store.readPages({ fromPosition: board.position + 1, toPosition: until, pageSize, omit: unfoldedMembers })) foldPage(events);
  }
  return board;
}

/** sha256 of the board's canonical snapshot (streamed into the hash: a large board is never one string). */
export function hashBoard(board: Board): string {
  const hash = createHash('sha256');
  writeCanonicalJson(boardSnapshot(board), (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

/** The request of an execution the board knows, to run it again. */
function requestFor(sprint: SprintRecord, execution: ExecutionRecord, agentId: string, config: OrchestratorConfig): ExecutionRequest {
  const agent = config.agents.find((candidate) => candidate.id === agentId);
  const { executionId, role, state } = execution;
  return {
    executionId,
    agentId,
    role,
    sprintId: sprint.id,
    ...(sprint.milestoneId === undefined ? {} : { milestoneId: sprint.milestoneId }),
    ...(sprint.moduleId === undefined ? {} : { moduleId: sprint.moduleId }),
    currentState: state,
    traceId: sprint.traceId,
    correlationId: sprint.correlationId,
    causationId: executionId,
    features: execution.features ?? sprint.features,
    allowedSkills: agent?.skills ?? [],
    ...(execution.attempt > 1 ? { attempt: execution.attempt } : {}),
    ...(sprint.concurrencyPolicy === 'isolated' ? { isolated: true } : {}),
  };
}
