/**
 * Scaffold: the pure core of the BDD test scaffolder. Turns a feature's acceptance criteria into a
 * Gherkin `.feature` file like the spec's "Book Appointment" example, tagged with sprint, milestone,
 * trace, feature and module; gives each file a safe, collision-free path under `tests/features/`;
 * and shapes the `TestCasesGenerated` payload. Writing the files is the shell's job.
 */
export { criterionScenario, missingCriteriaScenario, pendingTag, StepKeyword, type ScenarioDraft, type ScenarioStep } from './criterion-scenario.js';
export { featureFilePath, featureFilesDir, featureFileStem } from './feature-file-name.js';
export { gherkinTag } from './gherkin-tag.js';
export {
  scaffoldFeatureFile,
  ScaffoldStatus,
  type FeatureFile,
  type FeatureScaffoldInput,
  type ScaffoldContext,
  type ScaffoldFeature,
} from './scaffold-feature-file.js';
export { resolveFeatureFileStems, scaffoldFeatureFiles } from './scaffold-feature-files.js';
export { testCasesGeneratedData, type TestCasesGeneratedPayload } from './test-cases-generated-data.js';
