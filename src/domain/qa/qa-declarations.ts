import { readStrings } from '../evidence/read-json.js';
import type { Feature } from '../planning/feature.js';

/**
 * What a feature of `planning/features.yaml` tells the QA validator, in keys Kairos keeps in the
 * feature's `extra` (each a path or a list of paths, relative to the workspace):
 *
 * - `testReports`: its JUnit XML reports (a folder means every `*.xml` file directly in it);
 * - `coverageReports`: its coverage reports (lcov, Istanbul `coverage-summary.json`, Cobertura XML);
 * - `sources`: its source files or folders, to pick its share out of a coverage report it shares;
 * - `testCases` (or `tests`, as the spec's feature → test link writes it): its test files.
 */
export interface QaDeclarations {
  testReports: string[];
  coverageReports: string[];
  sources: string[];
  testCases: string[];
}

/** The QA keys a feature declares; none when it declares none. */
export function qaDeclarationsOf(feature: Pick<Feature, 'extra'> | undefined): QaDeclarations {
  const extra = feature?.extra ?? {};
  const read = (key: string): string[] => (Object.hasOwn(extra, key) ? readStrings(extra[key]) : []);
  return {
    testReports: read('testReports'),
    coverageReports: read('coverageReports'),
    sources: read('sources'),
    testCases: [...new Set([...read('testCases'), ...read('tests')])],
  };
}
