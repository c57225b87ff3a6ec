import { Command, InvalidArgumentError } from 'commander';
import type { StoredEvent } from '../../domain/events/index.js';
import { UsageError } from '../../domain/errors/index.js';
import { toCloudEvent } from '../../integrations/index.js';
import { openEventStore } from '../../store/index.js';
import { contextOf } from '../cli-context.js';
import { eventTableHeader, formatEventRow } from '../format/format-event-row.js';

interface EventsOptions {
  stream?: string;
  from: number;
  limit?: number;
  json?: boolean;
  cloudevents?: boolean;
  follow?: boolean;
}

type Format = 'table' | 'json' | 'cloudevents';

const pageSize = 1000;

/** Parses a positive integer option, or says which option is wrong. */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number from 1');
  return parsed;
}

/** `kairos events`: prints the log as a table, JSON Lines or CloudEvents, and can follow it live. */
export function eventsCommand(): Command {
  return new Command('events')
    .description('print the event log: a table, JSON Lines (--json) or CloudEvents (--cloudevents)')
    .option('--stream <id>', 'only this stream (e.g. sprint-sprint-1, planning)')
    .option('--from <position>', 'first position to print (stream version with --stream)', positiveInteger, 1)
    .option('--limit <n>', 'print at most n events', positiveInteger)
    .option('--json', 'one JSON object per line, envelope fields as top-level keys')
    .option('--cloudevents', 'one CloudEvent 1.0 (structured JSON) per line')
    .option('-f, --follow', 'keep printing events as they are appended, until interrupted')
    .action(async (options: EventsOptions, command: Command) => {
      if (options.json === true && options.cloudevents === true) throw new UsageError('choose one of --json and --cloudevents');
      if (options.follow === true && options.stream !== undefined) throw new UsageError('--follow reads the whole log; it cannot be combined with --stream');
      const context = contextOf(command);
      const format: Format = options.json === true ? 'json' : options.cloudevents === true ? 'cloudevents' : 'table';
      const store = await openEventStore(context.storeUrl, { workspace: context.workspace });
      try {
        if (format === 'table') context.stdout(eventTableHeader());
        const print = (event: StoredEvent): void => context.stdout(render(event, format));
        if (options.follow === true) await follow(store, options, print);
        else if (options.stream !== undefined) await printStream(store, options.stream, options, print);
        else await printAll(store, options, print);
      } finally {
        await store.close();
      }
    });
}

function render(event: StoredEvent, format: Format): string {
  switch (format) {
    case 'table':
      return formatEventRow(event);
    case 'json':
      return JSON.stringify(event);
    case 'cloudevents':
      return JSON.stringify(toCloudEvent(event).toJSON());
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

type Store = Awaited<ReturnType<typeof openEventStore>>;

async function printAll(store: Store, options: EventsOptions, print: (event: StoredEvent) => void): Promise<void> {
  let remaining = options.limit ?? Infinity;
  let from = options.from;
  while (remaining > 0) {
    const page = await store.readAll({ fromPosition: from, limit: Math.min(pageSize, remaining) });
    for (const event of page) print(event);
    if (page.length === 0) return;
    remaining -= page.length;
    from = (page.at(-1)?.position ?? from) + 1;
  }
}

async function printStream(store: Store, streamId: string, options: EventsOptions, print: (event: StoredEvent) => void): Promise<void> {
  let remaining = options.limit ?? Infinity;
  let from = options.from;
  while (remaining > 0) {
    const page = await store.readStream(streamId, { fromVersion: from, limit: Math.min(pageSize, remaining) });
    for (const event of page) print(event);
    if (page.length === 0) return;
    remaining -= page.length;
    from = (page.at(-1)?.version ?? from) + 1;
  }
}

async function follow(store: Store, options: EventsOptions, print: (event: StoredEvent) => void): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let remaining = options.limit ?? Infinity;
  try {
    for await (const event of store.subscribe({ fromPosition: options.from, signal: controller.signal })) {
      print(event);
      if (--remaining <= 0) break;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

