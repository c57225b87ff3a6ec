import type { JsonObject } from '../events/envelope.js';

/** Keys of a report's `data` that name one file, read for every event type. */
const fileKeys = ['path', 'file'] as const;
/** Keys that name several files. */
const fileListKeys = ['files', 'paths'] as const;
/** Keys read as a file only in artifact events (elsewhere `output` is often text). */
const artifactKeys = ['artifact', 'output'] as const;
const artifactTypes: ReadonlySet<string> = new Set(['ArtifactProduced', 'ArtifactReady']);

/** A file an agent's output names, and where in the output it is named. */
export interface ReportedPath {
  path: string;
  /** E.g. `report 2 (ArtifactProduced) data.path` or `artifact 1`. */
  where: string;
}

/** What of a report the path rules read. */
export interface PathCarrier {
  type: string;
  data?: JsonObject;
}

/**
 * The files an agent's output names: its declared `artifacts`, and in each report's `data` the
 * members `path`, `file`, `files`, `paths` (and `artifact`, `output` in ArtifactProduced and
 * ArtifactReady, where the evidence fold reads them as files).
 */
export function reportedPaths(reports: readonly PathCarrier[], artifacts: readonly string[] = []): ReportedPath[] {
  const found: ReportedPath[] = artifacts.map((path, index) => ({ path, where: `artifact ${index + 1}` }));
  reports.forEach((report, index) => {
    const data = report.data;
    if (data === undefined) return;
    const label = `report ${index + 1} (${report.type}) data`;
    const single = artifactTypes.has(report.type) ? [...fileKeys, ...artifactKeys] : fileKeys;
    for (const key of single) {
      const value = data[key];
      if (typeof value === 'string') found.push({ path: value, where: `${label}.${key}` });
    }
    for (const key of fileListKeys) {
      const value = data[key];
      if (!Array.isArray(value)) continue;
      value.forEach((item, position) => {
        if (typeof item === 'string') found.push({ path: item, where: `${label}.${key}[${position}]` });
      });
    }
  });
  return found;
}
