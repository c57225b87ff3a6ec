import { describe, expect, it } from 'vitest';
import { commandWords, programOf } from './command-words.js';

describe('commandWords', () => {
  it('splits on blanks and honours quotes and backslashes', () => {
    expect(commandWords(`FOO=1 npm run "build all"`)).toEqual(['FOO=1', 'npm', 'run', 'build all']);
    expect(commandWords(`echo 'a "b"' c\\ d "e\\"f"`)).toEqual(['echo', 'a "b"', 'c d', 'e"f']);
    expect(commandWords('  ')).toEqual([]);
  });

  it('stops at the first operator', () => {
    expect(commandWords('npm ci && npm test')).toEqual(['npm', 'ci']);
    expect(commandWords('make test|tee log')).toEqual(['make', 'test']);
    expect(commandWords('&& x')).toEqual([]);
  });
});

describe('programOf', () => {
  it('skips assignments in a command line and takes the first element of a list', () => {
    expect(programOf('CI=true NODE_ENV=test npm test')).toBe('npm');
    expect(programOf('./gradlew build')).toBe('./gradlew');
    expect(programOf(['node', '--version'])).toBe('node');
    expect(programOf('A=1')).toBeUndefined();
    expect(programOf([''])).toBeUndefined();
  });
});
