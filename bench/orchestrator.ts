// Scenario `orchestrator`: the orchestrator loop against the event store it writes to, and the
// replay of its log into read models against raw reading, on the same machine, in one run.
//
// Orchestration: 10,000 sprints (100 milestones of 100 sprints, 2 features each, the coverage gate
// that the instant agents satisfy) recorded as a plan in a fresh SQLite workspace, then timed from
// `runUntilIdle()` until every sprint is Closed and every milestone Completed, with the built-in
// instant agents and fsm-state.json files written (the default). All 10,000 sprints run at once up
// to Ready; milestones start in plan order, so each holds its 100 sprints in Ready until the one
// before it completes. The rate is the events the run appended per second of `runUntilIdle()`
// (recording the plan is not timed). The baseline appends the same events (types, streams, scope
// and payloads copied, fresh ids) to another fresh SQLite store through the store's own `append`,
// 1,000 concurrent one-event calls per round, which its batcher writes as one transaction. Runs
// alternate between the two, median rate of each. Each run's workspace stays on disk until the
// scenario ends (see `SetAside`).
//
// Replay: `foldLog` of the whole resulting log into an empty board (every sprint and milestone read
// model; `hashBoard` not timed, only used to check the board equals the orchestrator's) against a
// raw select + JSON.parse of the same file in pages of 1,000 (the `store` scenario's read
// baseline); passes alternate, median rate of each. `foldLog` reads the log as `kairos replay`
// does: pages read ahead on a worker thread, which leaves out the members no fold reads. Also
// timed, informational: the same replay with every page read and parsed whole on the caller's
// thread (`replay-one-thread`). Last, informational: one run without fsm-state.json files.
//
// Up to three runs and three passes, but a repeat starts only while the scenario stays within
// KAIROS_BENCH_BUDGET_S (default 150 s); the `-runs` and `-passes` figures say how many counted.
// KAIROS_BENCH_SPRINTS changes the sprint count for a quick look; the figure is for 10,000.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventScopeKeys, type ProposedEvent, type StoredEvent } from '../src/domain/events/index.js';
import { emptyBoard, type OrchestratorConfig } from '../src/domain/orchestrator/index.js';
import type { Milestone, Sprint } from '../src/domain/planning/index.js';
import { foldLog, hashBoard, instantAgentRunner, instantAgentsConfig, Orchestrator, recordPlan, type Clock, type RunSummary } from '../src/runtime/index.js';
import { openEventStore, openSqliteEventStore, resolveSqliteEventStoreOptions, type EventStore } from '../src/store/index.js';
import { connectionPragmas } from '../src/store/sqlite/sqlite-schema.js';
import { compareFigure, median, plainFigure, type BenchFigure } from './bench-figure.js';
import { rawReadPass } from './store.js';

const scenario = 'orchestrator';
const sprintCount = Number(process.env.KAIROS_BENCH_SPRINTS ?? 10_000);
const sprintsPerMilestone = 100;
const featuresPerSprint = 2;
const runs = 3;
const readPasses = 3;
const budgetMs = Number(process.env.KAIROS_BENCH_BUDGET_S ?? 150) * 1000;
const perRound = 1_000;
const readPage = 1_000;
const clock: Clock = { now: () => '2026-11-23T10:00:00.000Z' };

const log = (text: string): void => void process.stderr.write(`[bench orchestrator] ${text}\n`);
const perSecond = (events: number, ms: number): number => (events * 1000) / ms;


function milestoneOf(index: number): Milestone {
  const id = `m${String(index).padStart(3, '0')}`;
  return {
    id, requiredFeatures: [], requiredArtifacts: [], gates: [{ gate: 'testsPassed', written: 'testsPassed' }], allowsDeferred: false, onDeferEmit: 'FeatureDeferred',
    parallelStreams: [], triggers: [], labels: [], extra: {}, versionTag: `${id}-v1`,
  };
}

function sprintOf(index: number, milestoneId: string): Sprint {
  const id = `s${String(index).padStart(5, '0')}`;
  return {
    id, milestone: milestoneId, features: Array.from({ length: featuresPerSprint }, (_, feature) => `F-${id}-${feature + 1}`),
    agents: ['backend-developer', 'test-generator', 'qa'], gates: [{ gate: 'testCoverageAbove', written: 'testCoverageAbove90', param: 90 }],
    approvalRequired: false, concurrencyPolicy: 'shared', labels: [], extra: {},
  };
}

function plan(config: OrchestratorConfig): Parameters<typeof recordPlan>[1] {
  const milestones = Array.from({ length: Math.ceil(sprintCount / sprintsPerMilestone) }, (_, index) => milestoneOf(index + 1));
  const sprints = Array.from({ length: sprintCount }, (_, index) => sprintOf(index + 1, (milestones[Math.floor(index / sprintsPerMilestone)] as Milestone).id));
  return { machines: [config.sprintMachine.definition, config.milestoneMachine.definition], milestones, features: [], sprints };
}

/** A planned workspace driven to idle; the store stays open for the caller. */
interface Orchestrated {
  folder: string;
  file: string;
  store: EventStore;
  planEvents: number;
  summary: RunSummary;
  ms: number;
}

async function orchestrate(config: OrchestratorConfig, writeSprintStates: boolean): Promise<Orchestrated> {
  const folder = mkdtempSync(join(tmpdir(), 'kairos-bench-orchestrator-'));
  const file = join(folder, '.kairos', 'events.db');
  const store = await openEventStore(`sqlite:${file}`);
  try {
    await recordPlan(store, plan(config), clock);
    const planEvents = (await store.head()).position;
    const orchestrator = new Orchestrator({ store, config, runner: instantAgentRunner, workspace: folder, clock, writeSprintStates });
    const started = performance.now();
    const summary = await orchestrator.runUntilIdle();
    const ms = performance.now() - started;
    checkFinished(orchestrator, config);
    return { folder, file, store, planEvents, summary, ms };
  } catch (error) {
    await discard({ folder, store });
    throw error;
  }
}

/** Fails loudly unless every sprint is Closed and every milestone Completed. */
function checkFinished(orchestrator: Orchestrator, config: OrchestratorConfig): void {
  const { sprints, milestones } = orchestrator.board;
  if (sprints.size !== sprintCount) throw new Error(`the board holds ${sprints.size} sprints, expected ${sprintCount}`);
  const open = [...sprints.values()].filter((sprint) => config.sprintMachine.states[sprint.instance.state] !== 'Closed');
  if (open.length > 0) throw new Error(`${open.length} sprints did not close, e.g. ${open.slice(0, 3).map((sprint) => `${sprint.id} in ${config.sprintMachine.states[sprint.instance.state]}`).join(', ')}`);
  const pending = [...milestones.values()].filter((milestone) => config.milestoneMachine.states[milestone.instance.state] !== 'Completed');
  if (pending.length > 0) throw new Error(`${pending.length} milestones did not complete, e.g. ${pending.slice(0, 3).map((milestone) => `${milestone.id} in ${config.milestoneMachine.states[milestone.instance.state]}`).join(', ')}`);
}

async function discard(run: Pick<Orchestrated, 'folder' | 'store'>): Promise<void> {
  await run.store.close();
  rmSync(run.folder, { recursive: true, force: true });
}

/**
 * The folders of finished runs, deleted only when the scenario ends. Deleting one frees some 40,000
 * inodes, and ext4 without a journal (this VM's root file system) skips an inode freed a second to
 * a few minutes earlier when it allocates one, checking each such inode in turn: a run that
 * followed the deletion of the one before paid about 0.9 ms of kernel time per file it created, 25
 * times what it pays otherwise. That cost is the bench's own cleanup, not the orchestrator's.
 */
class SetAside {
  private readonly folders: string[] = [];

  async keep(run: Pick<Orchestrated, 'folder' | 'store'>): Promise<void> {
    this.folders.push(run.folder);
    await run.store.close();
  }

  deleteAll(): void {
    for (const folder of this.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  }
}

/** Every event of the log after `after`, in order. */
async function readFrom(store: EventStore, after: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let from = after + 1; ; ) {
    const page = await store.readAll({ fromPosition: from, limit: readPage });
    if (page.length === 0) return events;
    events.push(...page);
    from = (page.at(-1) as StoredEvent).position + 1;
  }
}

/** The same event as a proposal with a fresh, time-ordered id (UUIDv7-shaped, as in the `store` scenario). */
function copyOf(event: StoredEvent, index: number): [string, ProposedEvent] {
  const proposed: ProposedEvent = {
    eventId: `0198c2a0-0000-7000-8000-${index.toString(16).padStart(12, '0')}`, type: event.type, occurredAt: event.occurredAt, traceId: event.traceId,
    correlationId: event.correlationId, causationId: event.causationId, data: event.data,
  };
  for (const key of eventScopeKeys) if (event[key] !== undefined) Object.assign(proposed, { [key]: event[key] });
  return [event.streamId, proposed];
}

/** Appends `events` to a fresh store, `perRound` concurrent one-event calls at a time; returns the ms spent appending. */
async function rawAppend(events: readonly [string, ProposedEvent][]): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'kairos-bench-orchestrator-raw-'));
  try {
    const store = await openSqliteEventStore(join(folder, 'events.db'));
    const started = performance.now();
    for (let first = 0; first < events.length; first += perRound) {
      await Promise.all(events.slice(first, first + perRound).map(([streamId, event]) => store.append(streamId, [event])));
    }
    const ms = performance.now() - started;
    const head = await store.head();
    await store.close();
    if (head.position !== events.length) throw new Error(`the baseline store holds ${head.position} events, expected ${events.length}`);
    return ms;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The baseline's rate for an orchestrated log: its run's events appended to a fresh store. A function of its own, so the copies are not kept alive by the caller's frame. */
async function appendRate(orchestrated: Orchestrated): Promise<number> {
  const copies = (await readFrom(orchestrated.store, orchestrated.planEvents)).map((event, index) => copyOf(event, index));
  return perSecond(copies.length, await rawAppend(copies));
}

async function replayPass(store: EventStore, config: OrchestratorConfig, expected: { position: number; boardHash: string }): Promise<number> {
  const started = performance.now();
  const board = await foldLog(store, emptyBoard(), config);
  const ms = performance.now() - started;
  if (board.position !== expected.position || hashBoard(board) !== expected.boardHash) throw new Error('the replayed board differs from the orchestrator board');
  return ms;
}

/** Runs the scenario in temporary folders on disk, deleted afterwards. */
export async function runOrchestratorBench(): Promise<BenchFigure[]> {
  const began = performance.now();
  const config = await instantAgentsConfig();
  // Repeats only while they fit the budget: the first measurement of each kind always runs.
  const fits = (lastMs: number): boolean => performance.now() - began + lastMs <= budgetMs;
  log(`${sprintCount} sprints in ${Math.ceil(sprintCount / sprintsPerMilestone)} milestones, ${featuresPerSprint} features each; up to ${runs} runs each side within ${budgetMs / 1000} s`);
  const subject: number[] = [];
  const baseline: number[] = [];
  const figures: BenchFigure[] = [];
  let kept: Orchestrated | undefined;
  const setAside = new SetAside();
  try {
    let pairMs = 0;
    while (subject.length < runs && (subject.length === 0 || fits(pairMs))) {
      const pairStarted = performance.now();
      const orchestrated = await orchestrate(config, true);
      const appended = orchestrated.summary.position - orchestrated.planEvents;
      subject.push(perSecond(appended, orchestrated.ms));
      baseline.push(await appendRate(orchestrated));
      log(`run ${subject.length}: ${orchestrated.planEvents} plan events, ${appended} appended in ${Math.round(orchestrated.ms)} ms: orchestrator ${Math.round(subject.at(-1) ?? 0)}/s, store.append ${Math.round(baseline.at(-1) ?? 0)}/s`);
      if (kept === undefined) kept = orchestrated;
      else await setAside.keep(orchestrated);
      pairMs = performance.now() - pairStarted;
    }
    const appendBaseline = 'store.append of the same events, 1,000 concurrent one-event calls per round';
    const rawAppendRate = median(baseline);
    const replayed = kept as Orchestrated;
    const appended = replayed.summary.position - replayed.planEvents;
    figures.push(
      compareFigure(scenario, 'orchestrate', 'appended events/s', median(subject), appendBaseline, rawAppendRate, 0.3),
      plainFigure(scenario, 'orchestrate-runs', 'runs', subject.length),
      plainFigure(scenario, 'sprints', 'sprints', sprintCount),
      plainFigure(scenario, 'run-appended-events', 'events', appended),
    );

    const total = replayed.summary.position;
    log(`replaying the ${total}-event log, up to ${readPasses} times each`);
    const raw = new Database(replayed.file, { readonly: true });
    for (const pragma of connectionPragmas(resolveSqliteEventStoreOptions())) raw.pragma(pragma);
    const oneThread = await openSqliteEventStore(replayed.file, { readAheadFrom: Infinity });
    const replays: number[] = [];
    const oneThreadReplays: number[] = [];
    const rawReads: number[] = [];
    try {
      let passMs = 0;
      while (replays.length < readPasses && (replays.length === 0 || fits(passMs))) {
        const passStarted = performance.now();
        replays.push(perSecond(total, await replayPass(replayed.store, config, replayed.summary)));
        rawReads.push(perSecond(total, rawReadPass(raw, total)));
        oneThreadReplays.push(perSecond(total, await replayPass(oneThread, config, replayed.summary)));
        log(`pass ${replays.length}: foldLog ${Math.round(replays.at(-1) ?? 0)}/s, raw ${Math.round(rawReads.at(-1) ?? 0)}/s, foldLog on one thread ${Math.round(oneThreadReplays.at(-1) ?? 0)}/s`);
        passMs = performance.now() - passStarted;
      }
    } finally {
      raw.close();
      await oneThread.close();
    }
    figures.push(
      compareFigure(scenario, 'replay', 'events/s', median(replays), 'raw select + JSON.parse, pages of 1,000', median(rawReads), 0.5),
      compareFigure(scenario, 'replay-one-thread', 'events/s', median(oneThreadReplays), 'raw select + JSON.parse, pages of 1,000', median(rawReads), null),
      plainFigure(scenario, 'replay-passes', 'passes', replays.length),
      plainFigure(scenario, 'log-events', 'events', total),
    );

    // Informational, and only when it fits: the same run without fsm-state.json files.
    if (fits(replayed.ms)) {
      const withoutFiles = await orchestrate(config, false);
      const rate = perSecond(withoutFiles.summary.position - withoutFiles.planEvents, withoutFiles.ms);
      log(`without fsm-state.json: ${Math.round(withoutFiles.ms)} ms, ${Math.round(rate)}/s`);
      await setAside.keep(withoutFiles);
      figures.push(compareFigure(scenario, 'orchestrate-without-state-files', 'appended events/s', rate, appendBaseline, rawAppendRate, null));
    } else {
      log('no time left for the run without fsm-state.json files');
    }
    log(`done in ${Math.round((performance.now() - began) / 1000)} s`);
    return figures;
  } finally {
    if (kept !== undefined) await discard(kept);
    setAside.deleteAll();
  }
}
