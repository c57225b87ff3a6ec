import { describe, expect, it } from 'vitest';
import { attributeCoverage, relativeReportPath } from './attribute-coverage.js';
import { createFeatureMatcher, featureNames } from './feature-matcher.js';
import type { QaCoverageReport } from './report-shapes.js';

const metric = (covered: number, total: number) => ({ covered, total, percent: total === 0 ? null : Math.round((covered / total) * 10_000) / 100 });

describe('relativeReportPath', () => {
  it('makes paths under the workspace relative, joins Cobertura source roots, and leaves other machines\' paths alone', () => {
    expect(relativeReportPath('/ws/project/src/a.ts', [], '/ws/project')).toBe('src/a.ts');
    expect(relativeReportPath('./src/a.ts', [], '/ws/project')).toBe('src/a.ts');
    expect(relativeReportPath('src/a.ts', ['/ws/project/'], '/ws/project')).toBe('src/a.ts');
    expect(relativeReportPath('src\\a.ts', ['C:\\ci\\build'], '/ws/project')).toBe('C:/ci/build/src/a.ts');
    expect(relativeReportPath('/ws/projectile/src/a.ts', [], '/ws/project')).toBe('/ws/projectile/src/a.ts');
  });
});

describe('attributeCoverage', () => {
  const report: QaCoverageReport = {
    lines: metric(30, 40),
    files: [
      { path: '/ci/checkout/src/booking/handler.ts', lines: metric(9, 10) },
      { path: '/ci/checkout/src/booking/empty.ts', lines: metric(0, 0) },
      { path: 'src/auth-login/login.ts', lines: metric(15, 20) },
      { path: 'src/util.ts', lines: metric(6, 10) },
    ],
    sourceRoots: [],
  };
  const matcher = createFeatureMatcher([featureNames({ id: 'Booking' }), featureNames({ id: 'Auth.Login' }), featureNames({ id: 'Util' })]);

  it('sums the files under a feature\'s sources (a CI machine\'s absolute paths too), else the files that name it', () => {
    const sources: Record<string, string[]> = { Booking: ['src/booking'], Util: ['../outside'] };
    const shares = attributeCoverage(report, { features: ['Booking', 'Auth.Login', 'Util', 'Nobody'] }, { workspaceRoot: '/ws', sourcesOf: (id) => sources[id] ?? [], matcher });
    expect(Object.fromEntries(shares)).toEqual({
      Booking: { covered: 9, total: 10, percent: 90 },
      'Auth.Login': { covered: 15, total: 20, percent: 75 },
      // Its only source leaves the workspace and is ignored: the file named after it counts.
      Util: { covered: 6, total: 10, percent: 60 },
    });
  });

  it('gives the owner the whole report', () => {
    const shares = attributeCoverage(report, { owner: 'Booking', features: ['Booking'] }, { workspaceRoot: '/ws', sourcesOf: () => [], matcher });
    expect(shares.get('Booking')).toEqual({ covered: 30, total: 40, percent: 75 });
  });
});
