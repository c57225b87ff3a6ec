import { Command } from 'commander';
import { IntegrityError } from '../../domain/errors/index.js';
import { openEventStore, verifyChain } from '../../store/index.js';
import { contextOf } from '../cli-context.js';

/** `kairos verify`: walks the hash chain and names the first event that does not match. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('check the event log\'s hash chain; names the first event that does not match')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      const store = await openEventStore(context.storeUrl, { workspace: context.workspace });
      try {
        const report = await verifyChain(store);
        if (!report.ok) {
          throw new IntegrityError(`event at position ${report.position}${report.eventId === null ? '' : ` (${report.eventId})`} does not match: ${report.reason}`);
        }
        context.stdout(`verified ${report.events} event(s); chain intact up to position ${report.head.position} (${report.head.hash})`);
      } finally {
        await store.close();
      }
    });
}
