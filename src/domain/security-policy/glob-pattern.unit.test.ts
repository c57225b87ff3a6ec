import { describe, expect, it } from 'vitest';
import { compileGlob, describeGlobProblem, isExcludedFolder, matchesGlob } from './glob-pattern.js';
import { workspacePath } from './workspace-path.js';

const matches = (glob: string, path: string): boolean => matchesGlob(path, compileGlob(glob));

describe('compileGlob', () => {
  it('spans folders with **, stays within a segment with * and ?', () => {
    expect(matches('src/**/*.ts', 'src/app.ts')).toBe(true);
    expect(matches('src/**/*.ts', 'src/api/v1/app.ts')).toBe(true);
    expect(matches('src/**/*.ts', 'lib/app.ts')).toBe(false);
    expect(matches('src/*.ts', 'src/api/app.ts')).toBe(false);
    expect(matches('src/ap?.ts', 'src/app.ts')).toBe(true);
    expect(matches('src/ap?.ts', 'src/ap/.ts')).toBe(false);
    expect(matches('**', 'any/thing/at.all')).toBe(true);
    expect(matches('dist/**', 'dist/a/b.js')).toBe(true);
    expect(matches('dist/**', 'distant/b.js')).toBe(false);
    expect(matches('**/node_modules/**', 'node_modules/x/index.js')).toBe(true);
    expect(matches('**/node_modules/**', 'web/node_modules/x/index.js')).toBe(true);
  });

  it('reads alternatives and character classes, and takes dots literally', () => {
    expect(matches('**/*.{ts,cs}', 'Booking/Handler.cs')).toBe(true);
    expect(matches('**/*.{ts,cs}', 'Booking/Handler.css')).toBe(false);
    expect(matches('src/[a-c]*.ts', 'src/booking.ts')).toBe(true);
    expect(matches('src/[!a-c]*.ts', 'src/booking.ts')).toBe(false);
    expect(matches('*.ts', 'appXts')).toBe(false);
    expect(matches('./src//*.ts', 'src/a.ts')).toBe(true);
  });

  it('names the folder every match lies below', () => {
    expect(compileGlob('src/api/**/*.ts').base).toBe('src/api');
    expect(compileGlob('**/*.ts').base).toBe('');
    expect(compileGlob('src/*.{ts,js}').base).toBe('src');
    expect(compileGlob('Dockerfile').base).toBe('');
  });
});

describe('describeGlobProblem', () => {
  it('refuses globs that leave the workspace or do not close', () => {
    expect(describeGlobProblem('src/**/*.ts')).toBeUndefined();
    expect(describeGlobProblem('/etc/*')).toBe('glob /etc/* is absolute; globs are relative to the workspace');
    expect(describeGlobProblem('~/.ssh/*')).toMatch(/is absolute/);
    expect(describeGlobProblem('C:/x/*')).toMatch(/is absolute/);
    expect(describeGlobProblem('src/../../secrets/*')).toBe('glob src/../../secrets/* leaves the workspace (..)');
    expect(describeGlobProblem('src/*.{ts,js')).toMatch(/unclosed \{/);
    expect(describeGlobProblem('src/{a/b}.ts')).toMatch(/unclosed \{/);
    expect(describeGlobProblem('src/[a-z.ts')).toMatch(/unclosed \[/);
    expect(describeGlobProblem('src/[z-a].ts')).toMatch(/is not valid/);
    expect(describeGlobProblem(' ')).toBe('a glob must not be empty');
  });
});

describe('isExcludedFolder', () => {
  it('prunes a folder only when an exclude covers everything below it', () => {
    const excludes = ['**/node_modules/**', '.git/**', '**/*.test.*'].map(compileGlob);
    expect(isExcludedFolder('node_modules', excludes)).toBe(true);
    expect(isExcludedFolder('web/node_modules', excludes)).toBe(true);
    expect(isExcludedFolder('.git', excludes)).toBe(true);
    expect(isExcludedFolder('src', excludes)).toBe(false);
    expect(isExcludedFolder('src/.github', excludes)).toBe(false);
  });
});

describe('workspacePath', () => {
  it('normalises paths inside the workspace and refuses the others', () => {
    expect(workspacePath('./src//app/../main.ts')).toBe('src/main.ts');
    expect(workspacePath('scripts\\deploy.sh')).toBe('scripts/deploy.sh');
    expect(workspacePath('.')).toBe('');
    expect(workspacePath('a/../..')).toBeUndefined();
    expect(workspacePath('/usr/bin/node')).toBeUndefined();
    expect(workspacePath('~/bin/x')).toBeUndefined();
  });
});
