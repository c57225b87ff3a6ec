import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReleaseSettings } from '../../artifacts/index.js';
import { EventType, type JsonObject, type ProposedEvent, type StoredEvent } from '../../domain/events/index.js';
import type { Board } from '../../domain/orchestrator/index.js';
import { pipelineEventIds, pipelineRunsFor, pipelineStream, triggeringTypes, type PipelineDefinition, type PipelineRun } from '../../domain/pipelines/index.js';
import { versionPlanOf, versionTags, versionTagOf, type VersionTag } from '../../domain/release/index.js';
import { binaryMessage, deliverWebhook, pipelineCloudEvent, structuredText, type PipelineDelivery } from '../../integrations/index.js';
import type { EventStore } from '../../store/index.js';
import type { Clock } from '../clock.js';
import { pipelineCursorPath, readPipelineCursor, writePipelineCursor, type PipelineCursor } from './pipeline-cursor.js';
import { runPipelineCommand } from './run-pipeline-command.js';

const pageSize = 1000;
/** Pipeline runs at once (a burst of SprintClosed must not start a process per sprint at the same moment). */
const maxParallelRuns = 4;

/** What the dispatcher needs. */
export interface PipelineDispatcherOptions {
  store: EventStore;
  workspace: string;
  settings: ReleaseSettings;
  clock: Clock;
  signal?: AbortSignal;
  /** Waits between attempts; tests pass one that records the delays. */
  wait?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** How one attempt series of a run ended. */
interface RunOutcome {
  ok: boolean;
  attempts: number;
  reason?: string;
  details: JsonObject;
}

/**
 * Runs the pipelines events call for (`pipelines:` of `planning/pipeline.yaml`, and milestone
 * triggers naming one), as the orchestrator's idle step: it reads the events handled since it last
 * looked (its cursor, `.kairos/pipelines.json`) and runs what they call for. Each run is recorded
 * before it starts (PipelineStarted, id derived from the triggering event: looking at that event
 * again after a crash starts nothing), then ends as ReleaseTriggered (with its duration: the CI
 * runtime) or PipelineFailed. A run a killed process left open is delivered again with the same
 * idempotency key, which the receiver uses to drop a repeat. A pipeline added to the file later
 * runs for events from then on, not for the log's past.
 */
export class PipelineDispatcher {
  private readonly types: ReadonlySet<string>;
  private readonly pipelines: ReadonlyMap<string, PipelineDefinition>;
  private cursor: PipelineCursor | undefined;
  private recovered = false;
  /** Runs this dispatcher performed, in the order they ended. */
  readonly performed: { pipeline: string; idempotencyKey: string; ok: boolean; reason?: string; durationMs: number }[] = [];

  constructor(private readonly options: PipelineDispatcherOptions) {
    this.types = triggeringTypes(options.settings.pipelines);
    this.pipelines = new Map(options.settings.pipelines.map((pipeline) => [pipeline.name, pipeline]));
  }

  /** The idle step: runs what the events up to the board's position call for; resolves to the events it appended. */
  async atIdle(board: Board): Promise<number> {
    const path = pipelineCursorPath(this.options.workspace);
    this.cursor ??= await readPipelineCursor(path);
    const cursor = this.cursor;
    const names = [...this.pipelines.keys()].sort();
    if (this.recovered && cursor !== undefined && cursor.position >= board.position && sameNames(cursor.pipelines, names)) return 0;
    // Pipelines the cursor does not know were added since it was written: they start now.
    const known = cursor === undefined ? new Set(names) : new Set(cursor.pipelines);
    const due = await this.dueRuns(cursor?.position ?? 0, board.position, known);
    const open = this.recovered ? [] : await this.openRuns();
    this.recovered = true;
    let appended = 0;
    if (due.length > 0 || open.length > 0) {
      const tags = versionTags(versionPlanOf(board), this.options.settings.versioning);
      const work = [...open.map((item) => ({ ...item, recovering: true })), ...due.map((item) => ({ ...item, recovering: false }))];
      const counts = await inParallel(work, maxParallelRuns, (item) => this.perform(item.run, item.trigger, tags, item.recovering));
      appended = counts.reduce((sum, count) => sum + count, 0);
    }
    this.cursor = { position: board.position, pipelines: names };
    await writePipelineCursor(path, this.cursor);
    return appended;
  }

  /** The runs events after `from` up to `until` call for, for the pipelines in `known`; events of pipeline streams run nothing. */
  private async dueRuns(from: number, until: number, known: ReadonlySet<string>): Promise<{ run: PipelineRun; trigger: StoredEvent }[]> {
    const pipelines = this.options.settings.pipelines.filter((pipeline) => known.has(pipeline.name));
    if (pipelines.length === 0) return [];
    const due: { run: PipelineRun; trigger: StoredEvent }[] = [];
    for (let position = from + 1; position <= until; ) {
      const page = await this.options.store.readAll({ fromPosition: position, limit: Math.min(pageSize, until - position + 1) });
      if (page.length === 0) break;
      for (const event of page) {
        if (!this.types.has(event.type) || event.streamId.startsWith(pipelineStream(''))) continue;
        for (const run of pipelineRunsFor(event, pipelines)) due.push({ run, trigger: event });
      }
      position = (page.at(-1) as StoredEvent).position + 1;
    }
    return due;
  }

  /** Runs recorded as started (PipelineStarted) that never ended: a killed process left them. */
  private async openRuns(): Promise<{ run: PipelineRun; trigger: StoredEvent }[]> {
    const open: { run: PipelineRun; trigger: StoredEvent }[] = [];
    for (const name of this.pipelines.keys()) {
      const events = await this.options.store.readStream(pipelineStream(name));
      const ended = new Set(events.filter((event) => event.type !== EventType.PipelineStarted).map((event) => String(event.data['idempotencyKey'])));
      for (const started of events) {
        if (started.type !== EventType.PipelineStarted || ended.has(String(started.data['idempotencyKey']))) continue;
        const position = Number((started.data['trigger'] as JsonObject | undefined)?.['position']);
        const [trigger] = Number.isSafeInteger(position) ? await this.options.store.readAll({ fromPosition: position, limit: 1 }) : [];
        if (trigger === undefined) continue;
        const run = pipelineRunsFor(trigger, [this.pipelines.get(name) as PipelineDefinition]).find((candidate) => candidate.idempotencyKey === started.data['idempotencyKey']);
        if (run !== undefined) open.push({ run, trigger });
      }
    }
    return open;
  }

  /** Records the start (unless recorded: then only a recovery runs it), runs, records the end. Resolves to the events appended. */
  private async perform(run: PipelineRun, trigger: StoredEvent, tags: readonly VersionTag[], recovering: boolean): Promise<number> {
    const pipeline = this.pipelines.get(run.pipeline);
    if (pipeline === undefined) return 0;
    const ids = pipelineEventIds(run.idempotencyKey);
    const delivery = deliveryOf(run, tags);
    const common: JsonObject = { pipeline: run.pipeline, idempotencyKey: run.idempotencyKey, trigger: { ...run.trigger } };
    if (delivery.versionTag !== undefined) common['versionTag'] = delivery.versionTag;
    if (delivery.milestoneVersionTag !== undefined) common['milestoneVersionTag'] = delivery.milestoneVersionTag;
    const started = await this.append(run, [this.stamp(run, { eventId: ids.started, type: EventType.PipelineStarted, data: { ...common, target: pipeline.target.kind } })]);
    if (started.duplicate && !recovering) return 0;
    const startedAt = this.options.clock.now();
    const began = performance.now();
    const outcome = await this.attempts(pipeline, run, trigger, delivery);
    // Stopped (Ctrl-C): no end is recorded, so the next run delivers it again with the same key.
    if (this.options.signal?.aborted === true) return started.duplicate ? 0 : 1;
    const durationMs = Math.max(0, Math.round(performance.now() - began));
    const data: JsonObject = { ...common, attempts: outcome.attempts, startedAt, finishedAt: this.options.clock.now(), ...outcome.details };
    const ended = outcome.ok
      ? this.stamp(run, { eventId: ids.triggered, type: EventType.ReleaseTriggered, durationMs, data: { ...data, status: 'triggered' } })
      : this.stamp(run, { eventId: ids.failed, type: EventType.PipelineFailed, durationMs, reason: outcome.reason ?? 'failed', data: { ...data, status: 'failed', reason: outcome.reason ?? 'failed' } });
    await this.append(run, [ended]);
    this.performed.push({ pipeline: run.pipeline, idempotencyKey: run.idempotencyKey, ok: outcome.ok, durationMs, ...(outcome.reason === undefined ? {} : { reason: outcome.reason }) });
    return (started.duplicate ? 0 : 1) + 1;
  }

  /** The run's attempts: a webhook delivery (which retries itself), or the command tried up to `retries` more times. */
  private async attempts(pipeline: PipelineDefinition, run: PipelineRun, trigger: StoredEvent, delivery: PipelineDelivery): Promise<RunOutcome> {
    const event = pipelineCloudEvent(trigger, delivery);
    const signal = this.options.signal;
    if (pipeline.target.kind === 'webhook') {
      const message = binaryMessage(event);
      const outcome = await deliverWebhook({
        url: pipeline.target.url,
        headers: { ...pipeline.target.headers, ...message.headers },
        body: message.body,
        idempotencyKey: run.idempotencyKey,
        retries: pipeline.retries,
        backoffMs: pipeline.backoffMs,
        timeoutMs: pipeline.timeoutMs,
        ...(signal === undefined ? {} : { signal }),
        ...(this.options.wait === undefined ? {} : { wait: this.options.wait }),
      });
      const details: JsonObject = outcome.ok ? { httpStatus: outcome.status, response: outcome.response } : outcome.status === undefined ? {} : { httpStatus: outcome.status };
      return outcome.ok ? { ok: true, attempts: outcome.attempts, details } : { ok: false, attempts: outcome.attempts, reason: outcome.reason, details };
    }
    const env = commandEnvironment(run, delivery);
    const wait = this.options.wait ?? ((ms: number, abort: AbortSignal | undefined) => sleep(ms, undefined, abort === undefined ? {} : { signal: abort }));
    for (let attempt = 1; ; attempt++) {
      const outcome = await runPipelineCommand(pipeline.target.command, { cwd: this.options.workspace, env, input: structuredText(event), timeoutMs: pipeline.timeoutMs, ...(signal === undefined ? {} : { signal }) });
      const details: JsonObject = { output: outcome.output, ...(outcome.exitCode === undefined ? {} : { exitCode: outcome.exitCode }) };
      if (outcome.ok) return { ok: true, attempts: attempt, details };
      if (attempt > pipeline.retries || signal?.aborted === true) return { ok: false, attempts: attempt, reason: `${outcome.reason} (${attempt} ${attempt === 1 ? 'attempt' : 'attempts'})`, details };
      try {
        await wait(pipeline.backoffMs * 2 ** (attempt - 1), signal);
      } catch {
        return { ok: false, attempts: attempt, reason: `interrupted before attempt ${attempt + 1} (the last: ${outcome.reason})`, details };
      }
    }
  }

  private append(run: PipelineRun, events: ProposedEvent[]): ReturnType<EventStore['append']> {
    return this.options.store.append(pipelineStream(run.pipeline), events);
  }

  private stamp(run: PipelineRun, event: { eventId: string; type: EventType; data: JsonObject; durationMs?: number; reason?: string }): ProposedEvent {
    return {
      ...event,
      occurredAt: this.options.clock.now(),
      traceId: run.traceId,
      correlationId: run.correlationId,
      causationId: run.trigger.eventId,
      ...(run.sprintId === undefined ? {} : { sprintId: run.sprintId }),
      ...(run.milestoneId === undefined ? {} : { milestoneId: run.milestoneId }),
      ...(run.featureId === undefined ? {} : { featureId: run.featureId }),
    } as ProposedEvent;
  }
}

/** The run's delivery extras: its key and the version tags of its sprint and milestone. */
function deliveryOf(run: PipelineRun, tags: readonly VersionTag[]): PipelineDelivery {
  const delivery: PipelineDelivery = { pipeline: run.pipeline, idempotencyKey: run.idempotencyKey };
  const sprintTag = run.sprintId === undefined ? undefined : versionTagOf(tags, 'sprint', run.sprintId);
  const milestoneId = run.milestoneId ?? sprintTag?.milestoneId;
  const milestoneTag = milestoneId === undefined ? undefined : versionTagOf(tags, 'milestone', milestoneId);
  const own = sprintTag ?? milestoneTag;
  if (own !== undefined) delivery.versionTag = own.tag;
  if (milestoneTag !== undefined) delivery.milestoneVersionTag = milestoneTag.tag;
  return delivery;
}

/** `KAIROS_*` variables of a pipeline command: what ran it, its key and its version tags. */
function commandEnvironment(run: PipelineRun, delivery: PipelineDelivery): Record<string, string> {
  const env: Record<string, string> = {
    KAIROS_PIPELINE: run.pipeline,
    KAIROS_IDEMPOTENCY_KEY: run.idempotencyKey,
    KAIROS_EVENT_TYPE: run.trigger.type,
    KAIROS_EVENT_ID: run.trigger.eventId,
    KAIROS_TRACE_ID: run.traceId,
  };
  if (run.sprintId !== undefined) env['KAIROS_SPRINT_ID'] = run.sprintId;
  if (run.milestoneId !== undefined) env['KAIROS_MILESTONE_ID'] = run.milestoneId;
  if (run.featureId !== undefined) env['KAIROS_FEATURE_ID'] = run.featureId;
  if (delivery.versionTag !== undefined) env['KAIROS_VERSION_TAG'] = delivery.versionTag;
  if (delivery.milestoneVersionTag !== undefined) env['KAIROS_MILESTONE_VERSION_TAG'] = delivery.milestoneVersionTag;
  return env;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

/** `task` over `items`, at most `limit` at a time; results in the order of `items`. */
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
