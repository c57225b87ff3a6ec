import { ValidationError } from '../../domain/errors/index.js';
import { validateWorkspace } from './validate-workspace.js';
import type { Workspace } from './workspace.js';

/**
 * Reads a workspace's planning files into its normalised model.
 *
 * @throws ValidationError listing every diagnostic (errors and warnings) when any file has an error.
 */
export async function loadWorkspace(dir: string): Promise<Workspace> {
  const report = await validateWorkspace(dir);
  if (report.workspace === undefined) throw new ValidationError(report.diagnostics);
  return report.workspace;
}
