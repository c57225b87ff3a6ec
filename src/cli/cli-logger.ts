import type { Command } from 'commander';
import type { Logger } from 'pino';
import { UsageError } from '../domain/errors/index.js';
import { createLogger, defaultLogLevel, logLevels, type LogLevel } from '../telemetry/index.js';

let shared: { level: LogLevel; logger: Logger } | undefined;

/**
 * The process's logger at `--log-level` (else `KAIROS_LOG_LEVEL`, else `warn`): pino lines on
 * stderr, JSON unless stderr is a terminal. The CLI's own output stays on stdout, unchanged.
 */
export function loggerOf(command: Command): Logger {
  const level = logLevelOf(command.optsWithGlobals<{ logLevel?: string }>().logLevel ?? nonEmpty(process.env.KAIROS_LOG_LEVEL) ?? defaultLogLevel);
  if (shared?.level !== level) shared = { level, logger: createLogger({ level }) };
  return shared.logger;
}

function logLevelOf(value: string): LogLevel {
  if ((logLevels as readonly string[]).includes(value)) return value as LogLevel;
  throw new UsageError(`unknown log level ${JSON.stringify(value)} (KAIROS_LOG_LEVEL); choose one of ${logLevels.join(', ')}`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
