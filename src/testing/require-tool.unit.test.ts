import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findTool, requireTool, type ToolLookup } from './require-tool.js';

const folder = mkdtempSync(join(tmpdir(), 'kairos-tool-'));
const program = join(folder, 'sometool');
writeFileSync(program, '#!/bin/sh\n');
chmodSync(program, 0o755);
const lookup: ToolLookup = { name: 'sometool', variable: 'KAIROS_SOMETOOL', fallbacks: [program], install: 'apt-get install sometool' };

describe('requireTool', () => {
  it('finds a tool by its variable, then on the PATH, then at its fallbacks', () => {
    expect(findTool(lookup, { KAIROS_SOMETOOL: program })).toBe(program);
    expect(findTool(lookup, { PATH: `/nowhere:${folder}` })).toBe(program);
    expect(findTool(lookup, { PATH: '/nowhere' })).toBe(program);
    expect(findTool({ ...lookup, fallbacks: [] }, { PATH: '/nowhere' })).toBeUndefined();
    // A variable that names nothing is not silently replaced by another copy.
    expect(findTool(lookup, { KAIROS_SOMETOOL: join(folder, 'missing'), PATH: folder })).toBeUndefined();
  });

  it('skips with the reason printed when the tool is absent, and fails instead under KAIROS_REQUIRE_ALL=1', () => {
    const absent = { ...lookup, fallbacks: [] };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(requireTool(absent, { PATH: '/nowhere' })).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^skipping the tests that need sometool: sometool not found .*apt-get install sometool/));
    warn.mockRestore();
    expect(() => requireTool(absent, { PATH: '/nowhere', KAIROS_REQUIRE_ALL: '1' })).toThrow(/KAIROS_REQUIRE_ALL=1 and sometool not found/);
    expect(requireTool(lookup, { PATH: '/nowhere', KAIROS_REQUIRE_ALL: '1' })).toBe(program);
  });
});
