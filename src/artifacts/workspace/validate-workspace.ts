import { resolve } from 'node:path';
import { LineCounter } from 'yaml';
import { checkAcrossFiles } from '../checks/check-across-files.js';
import { readSourceFile } from '../source/read-source-file.js';
import { defaultSourceLimits } from '../source/source-limits.js';
import { checkSource } from '../validation/check-source.js';
import type { CheckedFile } from '../validation/checked-file.js';
import { sortDiagnostics } from '../validation/sort-diagnostics.js';
import { buildWorkspace } from './build-workspace.js';
import { listPlanningFiles, type PlanningFile } from './list-planning-files.js';
import type { WorkspaceReport } from './workspace-report.js';

/**
 * Validates a workspace: every planning file (`planning/*.yaml`, `planning/fsm/*.yaml`) against
 * its schema, then the references between them (features, milestones, agent roles), duplicate ids
 * and `dependsOn` cycles. Every problem is reported at once; checks that need an absent file are
 * skipped. When nothing is an error, the report carries the normalised workspace.
 */
export async function validateWorkspace(dir: string): Promise<WorkspaceReport> {
  const root = resolve(dir);
  const listing = await listPlanningFiles(root);
  const checked = await Promise.all(listing.files.map(checkPlanningFile));
  const across = checkAcrossFiles(checked);
  const files = checked.map((file) => ({
    file: file.file,
    kind: file.kind,
    diagnostics: sortDiagnostics([...file.diagnostics, ...across.filter((d) => d.file === file.file)]),
  }));
  const diagnostics = [...sortDiagnostics(listing.diagnostics), ...files.flatMap((file) => file.diagnostics)];
  const report: WorkspaceReport = { files, diagnostics };
  if (diagnostics.some((d) => d.severity === 'error')) return report;
  return { ...report, workspace: buildWorkspace(root, checked, listing.vision) };
}

async function checkPlanningFile({ path, kind }: PlanningFile): Promise<CheckedFile> {
  const read = await readSourceFile(path, defaultSourceLimits);
  if (read.ok) return checkSource(read.text, path, { kind });
  const source = { file: path, document: undefined, lineCounter: new LineCounter(), value: undefined, readable: false, diagnostics: [read.diagnostic] };
  return { file: path, kind, source, valid: false, diagnostics: [read.diagnostic] };
}
