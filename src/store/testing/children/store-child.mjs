// A child process for the EventStore contract suite: it opens the same log as the test through the
// built store (`dist/`), so that appends really come from another OS process. It speaks JSON Lines
// on stdout and waits for "go" on stdin before it starts, so that several children start together.
//
//   contend <name> <stream,stream,...> <versions>   append versions 1..N to each stream with the
//                                                    expected version; report each win and loss
//   any <name> <stream,stream,...> <count>          append count events with expectedVersion 'any'
//   batches <prefix> <batchSize> <payloadBytes> <inFlight>
//                                                    append multi-event batches forever, keeping
//                                                    inFlight calls pending; report each commit
//
// Environment: KAIROS_STORE_MODULE (path of dist/src/store/index.js), KAIROS_STORE_URL, KAIROS_WORKSPACE.
import process from 'node:process';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

const event = (eventId, data) => ({
  eventId,
  type: 'SprintCheckpoint',
  occurredAt: '2025-01-01T00:00:00.000Z',
  traceId: 'trace-child',
  data,
});

async function contend(store, name, streams, versions) {
  let won = 0;
  let lost = 0;
  for (let version = 1; version <= versions; version++) {
    for (const streamId of streams) {
      const eventId = `${name}-${streamId}-${version}`;
      try {
        const result = await store.append(streamId, [event(eventId, { child: name, version })], { expectedVersion: version - 1 });
        won++;
        say({ won: { streamId, version: result.version, eventId, position: result.events[0].position } });
      } catch (error) {
        if (error?.code !== 'CONCURRENCY') throw error;
        lost++;
      }
    }
  }
  say({ done: true, wins: won, losses: lost });
}

async function appendAny(store, name, streams, count) {
  const pending = [];
  for (let i = 0; i < count; i++) {
    const streamId = streams[i % streams.length];
    pending.push(store.append(streamId, [event(`${name}-${i}`, { child: name, i })], { expectedVersion: 'any' }));
    if (pending.length === 8) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  say({ done: true, appended: count });
}

async function batches(store, prefix, batchSize, payloadBytes, inFlight) {
  const pad = 'x'.repeat(payloadBytes);
  let next = 0;
  const one = async () => {
    for (;;) {
      const n = next++;
      const batch = `${prefix}-${n}`;
      const events = [];
      for (let index = 0; index < batchSize; index++) events.push(event(`${batch}-${index}`, { batch, index, size: batchSize, pad }));
      say({ submitted: batch });
      const result = await store.append(`sprint-k${n % 4}`, events, { expectedVersion: 'any' });
      say({ committed: batch, last: result.events.at(-1).position });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, one));
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const { openEventStore } = await import(pathToFileURL(process.env.KAIROS_STORE_MODULE).href);
  const store = await openEventStore(process.env.KAIROS_STORE_URL, { workspace: process.env.KAIROS_WORKSPACE });
  say({ ready: true, pid: process.pid });
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  switch (mode) {
    case 'contend':
      await contend(store, args[0], args[1].split(','), Number(args[2]));
      break;
    case 'any':
      await appendAny(store, args[0], args[1].split(','), Number(args[2]));
      break;
    case 'batches':
      await batches(store, args[0], Number(args[1]), Number(args[2]), Number(args[3]));
      break;
    default:
      throw new Error(`unknown mode ${mode}`);
  }
  await store.close();
  lines.close();
}

main().catch((error) => {
  say({ error: String(error?.stack ?? error), code: error?.code ?? null });
  process.exit(1);
});
