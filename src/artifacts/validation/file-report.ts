import type { Diagnostic } from '../../domain/errors/index.js';
import type { ArtifactKind } from '../artifact-kind.js';

/** What validating one file found. */
export interface FileReport {
  file: string;
  /** Undefined when the kind was neither given nor detectable. */
  kind: ArtifactKind | undefined;
  /** Errors and warnings, in file order. */
  diagnostics: Diagnostic[];
}
