// The benchmark runner: `npm run bench -- [scenario ...]` (default: every scenario). Prints one JSON
// line per figure on stdout, progress on stderr, and exits 0 even when a target is missed (the
// figure then says `"pass": false`); an unknown scenario name is a usage error (exit 2).
import type { BenchFigure } from './bench-figure.js';

type Scenario = () => Promise<BenchFigure[]>;

const scenarios: Record<string, Scenario> = {
  store: async () => (await import('./store.js')).runStoreBench(),
  fsm: async () => (await import('./fsm.js')).runFsmBench(),
  orchestrator: async () => (await import('./orchestrator.js')).runOrchestratorBench(),
  planner: async () => (await import('./planner.js')).runPlannerBench(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((arg) => arg !== '--');
  const unknown = asked.filter((name) => !(name in scenarios));
  if (unknown.length > 0) {
    process.stderr.write(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(scenarios).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  for (const name of asked.length > 0 ? asked : Object.keys(scenarios)) {
    const scenario = scenarios[name] as Scenario;
    for (const figure of await scenario()) process.stdout.write(`${JSON.stringify(figure)}\n`);
  }
}

await main();
