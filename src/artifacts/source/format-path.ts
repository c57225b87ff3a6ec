/** One step into a document: a map key or a list index. */
export type PathSegment = string | number;

const bareKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A document path as people read it: `milestones[0].gateConditions[2]`, `[0].colour` for a
 * top-level list, `features["Auth.Login"].priority` for keys that are not plain names.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (bareKey.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
