import { describe, expect, it } from 'vitest';
import { loadYamlSource } from './load-yaml-source.js';
import { locatePath } from './locate-path.js';
import { defaultSourceLimits } from './source-limits.js';

const text = ['milestones:', '  - id: m1', '    gateConditions:', '      - allTestsPass', '      - resilienceScoreAbove: 85', '    colour: red', ''].join('\n');
const source = loadYamlSource(text, 'm.yaml', defaultSourceLimits);

describe('locatePath', () => {
  it('points at the value at a path, or at its key', () => {
    expect(locatePath(source, ['milestones', 0, 'gateConditions', 1])).toEqual({ line: 5, column: 9 });
    expect(locatePath(source, ['milestones', 0, 'gateConditions', 1, 'resilienceScoreAbove'])).toEqual({ line: 5, column: 31 });
    expect(locatePath(source, ['milestones', 0, 'colour'], 'key')).toEqual({ line: 6, column: 5 });
    expect(locatePath(source, ['milestones', 0, 'colour'])).toEqual({ line: 6, column: 13 });
  });

  it('points at the map a missing key belongs in', () => {
    expect(locatePath(source, ['milestones', 0, 'name'])).toEqual({ line: 2, column: 5 });
    expect(locatePath(source, ['milestones', 3, 'id'])).toEqual({ line: 2, column: 3 });
  });

  it('points at the start of a file it cannot walk', () => {
    expect(locatePath(loadYamlSource('', 'e.yaml', defaultSourceLimits), ['a'])).toEqual({ line: 1, column: 1 });
  });
});
