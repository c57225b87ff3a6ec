import { describe, expect, it } from 'vitest';
import { isSameRole, roleKey } from './role-key.js';

describe('roleKey', () => {
  it('gives one key for the spellings the spec uses', () => {
    expect(roleKey('BackendDeveloper')).toBe('backenddeveloper');
    expect(roleKey('backend-developer')).toBe('backenddeveloper');
    expect(roleKey('BackendDeveloperAgent')).toBe('backenddeveloper');
    expect(isSameRole('QAAgent', 'qa')).toBe(true);
    expect(isSameRole('DevOpsEngineer', 'devops-engineer')).toBe(true);
  });

  it('keeps a role named only "agent" and tells different roles apart', () => {
    expect(roleKey('Agent')).toBe('agent');
    expect(isSameRole('test-generator', 'backend-developer')).toBe(false);
  });
});
