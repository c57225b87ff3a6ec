/**
 * The words of a shell command line, as `sh` would split them for the simple cases a pipeline
 * declares: blanks separate words, single quotes keep text as is, double quotes and backslashes
 * escape. Operators (`&&`, `|`, `;`) end the first simple command.
 *
 * @example commandWords(`FOO=1 npm run "build all"`) → ['FOO=1', 'npm', 'run', 'build all']
 */
export function commandWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let started = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] as string;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && index + 1 < line.length) current += line[++index];
      else current += char;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      started = true;
    } else if (char === '\\' && index + 1 < line.length) {
      current += line[++index];
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(current);
      current = '';
      started = false;
    } else if (/[;&|<>()]/.test(char) && !started) {
      break;
    } else if (/[;&|<>()]/.test(char)) {
      words.push(current);
      return words;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

/**
 * The program a command runs: the first element of a list, or the first word of a command line
 * after any `NAME=value` assignments. `undefined` when there is none.
 *
 * @example programOf('CI=true npm test') === 'npm'; programOf(['node', '--version']) === 'node'
 */
export function programOf(command: string | readonly string[]): string | undefined {
  if (typeof command !== 'string') return command[0] === undefined || command[0] === '' ? undefined : command[0];
  return commandWords(command).find((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
}

/** Commands the shell itself runs: found without a program on PATH. */
export const shellBuiltins: ReadonlySet<string> = new Set(['cd', 'export', 'set', 'unset', 'source', '.', 'exec', 'eval', 'command', 'type', 'alias', 'ulimit', 'umask']);
