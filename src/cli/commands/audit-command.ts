import { Command } from 'commander';
import { IntegrityError } from '../../domain/errors/index.js';
import { auditEntry, type AuditEntry } from '../../domain/orchestrator/index.js';
import { openEventStore, verifyChain } from '../../store/index.js';
import { contextOf } from '../cli-context.js';

const pageSize = 1000;

/**
 * `kairos audit [--sprint ID] [--json]`: every governance decision in the log (approvals,
 * rejections, overrides, pauses, resumes, aborts, rewinds, retries) with who, why and when, and
 * the hash chain checked, so an edited log shows.
 */
export function auditCommand(): Command {
  return new Command('audit')
    .description('list every governance decision (approvals, overrides, controls) with who and why; checks the hash chain')
    .option('--sprint <id>', 'only the decisions about this sprint')
    .option('--json', 'one JSON object per line')
    .action(async (options: { sprint?: string; json?: boolean }, command: Command) => {
      const context = contextOf(command);
      const store = await openEventStore(context.storeUrl, { workspace: context.workspace });
      try {
        const entries: AuditEntry[] = [];
        for (let from = 1; ; ) {
          const page = await store.readAll({ fromPosition: from, limit: pageSize });
          if (page.length === 0) break;
          for (const event of page) {
            const entry = auditEntry(event);
            if (entry !== undefined && (options.sprint === undefined || entry.subject === options.sprint)) entries.push(entry);
          }
          from = (page.at(-1)?.position ?? from) + 1;
        }
        const chain = await verifyChain(store);
        if (options.json === true) for (const entry of entries) context.stdout(JSON.stringify(entry));
        else {
          context.stdout(`${'position'.padStart(8)}  ${'when'.padEnd(24)}  ${'decision'.padEnd(18)}  ${'subject'.padEnd(12)}  ${'by'.padEnd(10)}  why`);
          for (const entry of entries) {
            context.stdout(`${String(entry.position).padStart(8)}  ${entry.occurredAt.padEnd(24)}  ${entry.decision.padEnd(18)}  ${entry.subject.padEnd(12)}  ${entry.by.padEnd(10)}  ${entry.reason}${entry.what === undefined ? '' : ` (${entry.what})`}`);
          }
          context.stdout(`${entries.length} decision(s)`);
        }
        if (!chain.ok) throw new IntegrityError(`the log was changed: event at position ${chain.position} does not match its hash chain (${chain.reason}); the decisions above cannot be trusted`);
        if (options.json !== true) context.stdout(`hash chain intact up to position ${chain.head.position}: no decision was edited or removed`);
      } finally {
        await store.close();
      }
    });
}
