/**
 * QA: the pure core of the built-in QA validator. Before a sprint starts it checks the test trace
 * matrix (every feature has tests, or acceptance criteria to generate them from); after the work
 * it decides which JUnit and coverage reports serve which feature (named in planning/features.yaml,
 * else found at conventional places, cases and files matched to features by id or title), turns
 * them into TestRunCompleted and CoverageReported evidence for the gates, and writes the
 * qa-coverage-report.md table and the qa-errors.json list. Probing and reading files is the shell's job.
 */
export { assignTestCases, emptyTally, tallyTotal, testName, type AssignedCases, type TestFailureNote, type TestTally } from './assign-test-cases.js';
export { attributeCoverage, relativeReportPath, type CoverageContext } from './attribute-coverage.js';
export { coverageThreshold } from './coverage-threshold.js';
export { createFeatureMatcher, featureNames, type FeatureMatcher, type FeatureNames } from './feature-matcher.js';
export { nameTokens } from './name-tokens.js';
export type { PathProbe, PathProbes } from './path-probe.js';
export { testPlanMarkdown, verificationMarkdown, type QaReportHeader } from './qa-coverage-report.js';
export { qaDeclarationsOf, type QaDeclarations } from './qa-declarations.js';
export { describeQaError, isReadingProblem, QaErrorKind, qaErrorsJson, type QaError } from './qa-error.js';
export type { QaEvent } from './qa-event.js';
export { QaStage, qaStageOf } from './qa-stage.js';
export { conventionalCoverageReports, conventionalTestReports, coverageFileNames } from './report-conventions.js';
export { planReports, reportPathsToProbe, type QaFeature, type ReportPlan, type ReportSource } from './report-plan.js';
export { sumLines, type QaCoverageMetric, type QaCoverageReport, type QaTestCase, type QaTestReport, type QaTestSuite, type ReportRead } from './report-shapes.js';
export { assessTestPlan, sprintTestPlanReadyData, testPlanFailure, testPlanPathsToProbe, TestPlanStatus, type TestPlan, type TestPlanRow } from './test-plan.js';
export { shorten, testRunCompletedData } from './test-run-data.js';
export { FeatureQaStatus, verifySprint, type FeatureVerdict, type ReportTally, type Verification, type VerificationInput } from './verify-sprint.js';
export { workspacePath, type WorkspacePathResult } from './workspace-path.js';
