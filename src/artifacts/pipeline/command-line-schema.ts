import { z } from 'zod';
import { programOf } from '../../domain/devops/index.js';
import { workspacePath } from '../../domain/security-policy/workspace-path.js';

/** A command must name a program, and a relative path to it must stay in the workspace. */
function checkProgram(command: string | string[], context: z.RefinementCtx): void {
  const program = programOf(command);
  if (program === undefined) {
    context.addIssue({ code: 'custom', message: 'the command names no program' });
    return;
  }
  if (program.includes('/') && !program.startsWith('/') && workspacePath(program) === undefined) {
    context.addIssue({ code: 'custom', message: `program ${program} leaves the workspace; name it on PATH, by an absolute path, or inside the workspace` });
  }
}

/** A command line (run through the shell). */
export const commandStringSchema = z.string().trim().min(1).superRefine(checkProgram);

/** A command line (run through the shell) or an argument vector (run without one). */
export const commandLineSchema = z.union([commandStringSchema, z.array(z.string()).min(1).superRefine(checkProgram)]);
