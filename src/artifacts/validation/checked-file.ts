import type { Diagnostic } from '../../domain/errors/index.js';
import type { ArtifactKind } from '../artifact-kind.js';
import type { LoadedSource } from '../source/loaded-source.js';

/** A file parsed and checked against the schema of its kind, before any cross-file check. */
export interface CheckedFile {
  file: string;
  /** Undefined when the kind was neither given nor detectable. */
  kind: ArtifactKind | undefined;
  source: LoadedSource;
  /** True when the file has no errors so far (warnings allowed): its data matches the schema. */
  valid: boolean;
  diagnostics: Diagnostic[];
}
