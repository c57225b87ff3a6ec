import type { Diagnostic } from '../../domain/errors/index.js';
import type { FileReport } from '../validation/file-report.js';
import type { Workspace } from './workspace.js';

/** What validating a workspace found. */
export interface WorkspaceReport {
  /** One report per planning file read, with the cross-file problems located in it. */
  files: FileReport[];
  /** Every problem, in file order, including those about the workspace as a whole. */
  diagnostics: Diagnostic[];
  /** The normalised workspace, when there is no error. */
  workspace?: Workspace;
}
