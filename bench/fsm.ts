// Scenario `fsm`: the Kairos state machine engine against XState v5 actors on the same machine, in
// one run.
//
// Transitions: the 7-state sprint machine of DESIGN.md section 5 on its linear path (Planning →
// ValidatingScope → ValidatingInfra → Ready → Active → Verifying → Closed), 10,000 sprints, events
// interleaved as a log delivers them (event k for every sprint, then k + 1). The engine computes
// `transition(machine, instance, event)` and keeps the returned instance; XState gets
// `actor.send(event)` on started actors. Only the stepping is timed; rounds alternate between the two
// after a warm-up, and each side's median round counts. An informational figure runs the default
// sprint machine of machines/sprint.yaml (10 states, with pause, abort and rewind) on the same path.
//
// Heap: bytes held per live sprint read model, from heapUsed after forced collections before and
// after creating 10,000 instances (engine) or started actors (XState); the machine itself is made
// before measuring and not counted.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createActor, createMachine, type AnyActorRef } from 'xstate';
import { loadDefaultMachine } from '../src/artifacts/state-machine/load-machines.js';
import { compileMachine } from '../src/domain/fsm/compile-machine.js';
import type { CompiledMachine } from '../src/domain/fsm/compiled-machine.js';
import { createInstance, type MachineInstance } from '../src/domain/fsm/machine-instance.js';
import type { StateMachineDefinition } from '../src/domain/fsm/state-machine-definition.js';
import { transition } from '../src/domain/fsm/transition.js';
import { compareFigure, median, plainFigure, type BenchFigure } from './bench-figure.js';

const scenario = 'fsm';
const sprintCount = 10_000;
const rounds = 7;
const warmups = 2;
const states = ['Planning', 'ValidatingScope', 'ValidatingInfra', 'Ready', 'Active', 'Verifying', 'Closed'] as const;
const events = ['SprintPlanned', 'SprintTestPlanReady', 'SprintInfraReady', 'SprintReadyToStart', 'SprintOutputsReady', 'AllTraceChecksPassed'] as const;
const transitionsPerRound = sprintCount * events.length;

const log = (text: string): void => void process.stderr.write(`[bench fsm] ${text}\n`);

const linearDefinition: StateMachineDefinition = {
  id: 'sprint',
  version: 'bench-linear',
  initial: 'Planning',
  states: [...states],
  final: ['Closed'],
  transitions: events.map((on, index) => ({ from: [states[index] as string], on, to: states[index + 1] as string, guard: [], emit: [], activate: [] })),
};

const xstateMachine = createMachine({
  id: 'sprint',
  initial: 'Planning',
  states: Object.fromEntries(states.map((state, index) => [state, index < events.length ? { on: { [events[index] as string]: states[index + 1] } } : { type: 'final' as const }])),
});

/** One engine round: fresh instances, then every event for every sprint; returns the stepping time in ms. */
function engineRound(machine: CompiledMachine): number {
  const instances: MachineInstance[] = [];
  for (let i = 0; i < sprintCount; i++) instances.push(createInstance(machine, i + 1));
  let position = sprintCount;
  const start = performance.now();
  for (const type of events) {
    for (let i = 0; i < sprintCount; i++) {
      const result = transition(machine, instances[i] as MachineInstance, { type, position: ++position });
      if (result.kind !== 'taken') throw new Error(`engine: ${type} was not taken (${result.kind})`);
      instances[i] = result.instance;
    }
  }
  const elapsed = performance.now() - start;
  const closed = machine.stateIndex.get('Closed');
  if (instances.some((instance) => instance.state !== closed)) throw new Error('engine: a sprint did not reach Closed');
  return elapsed;
}

/** One XState round: fresh started actors, then every event for every sprint. */
function xstateRound(): number {
  const actors: AnyActorRef[] = [];
  for (let i = 0; i < sprintCount; i++) actors.push(createActor(xstateMachine).start());
  const start = performance.now();
  for (const type of events) for (let i = 0; i < sprintCount; i++) (actors[i] as AnyActorRef).send({ type });
  const elapsed = performance.now() - start;
  if (actors.some((actor) => actor.getSnapshot().value !== 'Closed')) throw new Error('xstate: a sprint did not reach Closed');
  return elapsed;
}

/** `global.gc`, exposed at run time when node was not started with --expose-gc. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap bytes each of `sprintCount` items made by `make` holds, after full collections. */
function heapPerSprint(gc: () => void, make: (index: number) => unknown): number {
  const items: unknown[] = new Array<unknown>(sprintCount).fill(null);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < sprintCount; i++) items[i] = make(i);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (items.length !== sprintCount) throw new Error('unreachable: keeps the items alive until measured');
  return (after - before) / sprintCount;
}

const perSecond = (ms: number): number => (transitionsPerRound * 1000) / ms;

/** Runs the scenario and returns its figures. */
export async function runFsmBench(): Promise<BenchFigure[]> {
  const linear = compileMachine(linearDefinition);
  const fullSprint = compileMachine(await loadDefaultMachine('sprint'));
  log(`${sprintCount} sprints × ${events.length} events, ${warmups} warm-up and ${rounds} measured rounds each`);
  for (let i = 0; i < warmups; i++) {
    engineRound(linear);
    engineRound(fullSprint);
    xstateRound();
  }
  const engine: number[] = [];
  const full: number[] = [];
  const xstate: number[] = [];
  for (let i = 0; i < rounds; i++) {
    engine.push(perSecond(engineRound(linear)));
    xstate.push(perSecond(xstateRound()));
    full.push(perSecond(engineRound(fullSprint)));
    log(`round ${i + 1}: engine ${Math.round(engine.at(-1) ?? 0)}/s, xstate ${Math.round(xstate.at(-1) ?? 0)}/s, default sprint machine ${Math.round(full.at(-1) ?? 0)}/s`);
  }

  const gc = collector();
  const engineBytes = heapPerSprint(gc, (i) => createInstance(linear, i + 1));
  const xstateBytes = heapPerSprint(gc, () => createActor(xstateMachine).start());
  log(`heap per live sprint: engine ${Math.round(engineBytes)} B, xstate ${Math.round(xstateBytes)} B`);

  const perMegabyte = (bytes: number): number => 1_000_000 / bytes;
  return [
    compareFigure(scenario, 'transitions', 'transitions/s', median(engine), 'XState v5 actors, same 7-state machine', median(xstate), 5),
    compareFigure(scenario, 'transitions-default-sprint', 'transitions/s', median(full), 'XState v5 actors, 7-state machine', median(xstate), null),
    plainFigure(scenario, 'heap-per-sprint', 'bytes', engineBytes),
    plainFigure(scenario, 'heap-per-sprint-xstate', 'bytes', xstateBytes),
    // Fewer bytes is better: as read models per MB, the 1,000-byte budget is a baseline of 1,000/MB to meet or beat.
    compareFigure(scenario, 'read-models-per-MB', 'sprints/MB', perMegabyte(engineBytes), 'budget of 1,000 bytes per sprint', 1000, 1),
    compareFigure(scenario, 'read-models-per-MB-vs-xstate', 'sprints/MB', perMegabyte(engineBytes), 'XState v5 actors', perMegabyte(xstateBytes), null),
  ];
}
