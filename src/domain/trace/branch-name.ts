/** The two names of a feature branch: `feature/<first>/<second>`. */
export interface FeatureBranchName {
  first: string;
  second: string;
}

/**
 * The parts of a feature branch name: the spec writes `feature/<name>/sprint-<n>`
 * (`feature/booking/sprint-3`); `feature/<sprintId>/<featureId>` is read the same way, the caller
 * deciding which part names a sprint. Anything else is not a feature branch.
 *
 * @example featureBranchName('feature/booking/sprint-3') // { first: 'booking', second: 'sprint-3' }
 */
export function featureBranchName(branch: string): FeatureBranchName | undefined {
  const match = /^feature\/([^/]+)\/([^/]+)$/.exec(branch);
  if (match === null) return undefined;
  return { first: match[1] as string, second: match[2] as string };
}
