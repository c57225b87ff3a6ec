/**
 * Where the QA validator looks for reports a feature does not name (`testReports`,
 * `coverageReports` in planning/features.yaml), relative to the workspace. Every JUnit file found
 * is read; of the coverage files, only the first found (one run usually writes the same numbers in
 * several formats, and reading them all would count each line twice).
 */
export const conventionalTestReports: readonly string[] = ['reports/junit.xml', 'test-results/junit.xml', 'junit.xml'];

/** See {@link conventionalTestReports}. */
export const conventionalCoverageReports: readonly string[] = ['coverage/coverage-summary.json', 'coverage/lcov.info', 'coverage/cobertura-coverage.xml'];

/** File names of a coverage report inside a folder a feature names as its `coverageReports`, in the order tried. */
export const coverageFileNames: readonly string[] = ['coverage-summary.json', 'lcov.info', 'cobertura-coverage.xml'];
