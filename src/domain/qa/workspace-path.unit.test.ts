import { describe, expect, it } from 'vitest';
import { workspacePath } from './workspace-path.js';

describe('workspacePath', () => {
  it('normalises a relative path', () => {
    expect(workspacePath('./reports//junit.xml')).toEqual({ ok: true, path: 'reports/junit.xml' });
    expect(workspacePath('reports\\surefire\\..\\junit.xml')).toEqual({ ok: true, path: 'reports/junit.xml' });
    expect(workspacePath('  coverage/lcov.info ')).toEqual({ ok: true, path: 'coverage/lcov.info' });
  });

  it('refuses what could leave the workspace or names no file', () => {
    expect(workspacePath('../secrets.xml')).toEqual({ ok: false, reason: 'leaves the workspace' });
    expect(workspacePath('reports/../../x.xml')).toEqual({ ok: false, reason: 'leaves the workspace' });
    expect(workspacePath('/etc/passwd')).toEqual({ ok: false, reason: 'is absolute: name it relative to the workspace' });
    expect(workspacePath('C:\\reports\\junit.xml')).toEqual({ ok: false, reason: 'is absolute: name it relative to the workspace' });
    expect(workspacePath('a\u0000b')).toEqual({ ok: false, reason: 'holds a NUL byte' });
    expect(workspacePath('./')).toEqual({ ok: false, reason: 'names the workspace itself, not a file in it' });
    expect(workspacePath('')).toEqual({ ok: false, reason: 'is empty' });
  });
});
