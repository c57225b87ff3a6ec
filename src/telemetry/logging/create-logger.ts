import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { redacted, redactUrl, redactValues } from './redact.js';

/** The levels `--log-level` takes, most severe first; `silent` logs nothing. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** The level when none is given: warnings and errors only (the CLI's own output is on stdout). */
export const defaultLogLevel: LogLevel = 'warn';

export interface LoggerOptions {
  level?: LogLevel;
  /** Human-readable lines (pino-pretty) instead of JSON; default: when stderr is a terminal. */
  pretty?: boolean;
  /** Where lines go; default stderr, written synchronously (a CLI exits right after its last line). */
  destination?: DestinationStream;
}

/** Fields whose values are secrets wherever they appear in a log line. */
const redactPaths = ['password', 'token', 'secret', 'authorization', '*.password', '*.token', '*.secret', '*.authorization', 'headers.cookie'];

/**
 * A pino logger: JSON lines on stderr (pretty on a terminal), secrets redacted — the values of
 * secret-named keys of an agent's `env` and `headers`, secret query parameters of a `url`, and the
 * fields in `redactPaths`.
 *
 * @example createLogger({ level: 'info' }).child({ traceId, sprintId }).info('sprint closed')
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const usePretty = options.pretty ?? process.stderr.isTTY === true;
  const destination = options.destination ?? (usePretty ? pretty({ destination: 2, sync: true, colorize: true, singleLine: true, ignore: 'pid,hostname,name' }) : pino.destination({ fd: 2, sync: true }));
  return pino(
    {
      name: 'kairos',
      level: options.level ?? defaultLogLevel,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: redacted },
      serializers: {
        env: (env: Record<string, string>) => redactValues(env),
        headers: (headers: Record<string, string>) => redactValues(headers),
        url: (url: unknown) => (typeof url === 'string' ? redactUrl(url) : url),
      },
    },
    destination,
  );
}
