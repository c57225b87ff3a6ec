import { Command, Option } from 'commander';
import { auditCommand } from './commands/audit-command.js';
import { controlCommands } from './commands/control-commands.js';
import { decisionCommands } from './commands/decision-commands.js';
import { overrideCommand } from './commands/override-command.js';
import { emitCommand } from './commands/emit-command.js';
import { eventsCommand } from './commands/events-command.js';
import { featureCommands } from './commands/feature-commands.js';
import { initCommand } from './commands/init-command.js';
import { metricsCommand } from './commands/metrics-command.js';
import { planCommand } from './commands/plan-command.js';
import { replayCommand } from './commands/replay-command.js';
import { runCommand, serveCommand } from './commands/run-command.js';
import { schemaCommand } from './commands/schema-command.js';
import { statusCommand } from './commands/status-command.js';
import { traceCommand } from './commands/trace-command.js';
import { validateCommand } from './commands/validate-command.js';
import { verifyCommand } from './commands/verify-command.js';
import { pipelinesCommand } from './commands/pipelines-command.js';
import { verifyReleaseCommand } from './commands/verify-release-command.js';
import { versionTagCommand } from './commands/version-tag-command.js';
import { defaultStoreUrl } from './cli-context.js';
import { packageVersion } from './package-root.js';
import { logLevels } from '../telemetry/index.js';

/** The `kairos` command with its global options and every subcommand. */
export function createProgram(): Command {
  const program = new Command('kairos')
    .description('Kairos: sprints and milestones that advance on events and gates, in logical time')
    .version(packageVersion())
    .option('-w, --workspace <dir>', 'the workspace folder (default: the current directory)')
    .option('--store <url>', `the event log (default: $KAIROS_STORE, else ${defaultStoreUrl}; postgres://… to scale out)`)
    .addOption(new Option('--log-level <level>', 'log lines on stderr from this level on: pino JSON, pretty on a terminal (default: $KAIROS_LOG_LEVEL, else warn)').choices(logLevels))
    .showHelpAfterError('(run kairos --help for usage)')
    .exitOverride();
  for (const command of [
    initCommand(),
    validateCommand(),
    schemaCommand(),
    planCommand(),
    runCommand(),
    serveCommand(),
    statusCommand(),
    eventsCommand(),
    auditCommand(),
    emitCommand(),
    ...controlCommands(),
    overrideCommand(),
    ...decisionCommands(),
    ...featureCommands(),
    traceCommand(),
    replayCommand(),
    verifyCommand(),
    versionTagCommand(),
    pipelinesCommand(),
    verifyReleaseCommand(),
    metricsCommand(),
  ]) {
    program.addCommand(command.exitOverride());
  }
  return program;
}
