import { ErrorCode, KairosError, type KairosErrorOptions } from '../errors/kairos-error.js';
import type { MachineDiagnostic } from './machine-diagnostic.js';

/** A state machine definition with errors was asked to run: carries every problem found. */
export class MachineDefinitionError extends KairosError {
  readonly machine: string;
  readonly diagnostics: readonly MachineDiagnostic[];

  constructor(machine: string, diagnostics: readonly MachineDiagnostic[], options: KairosErrorOptions = {}) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(ErrorCode.Validation, `state machine ${machine} cannot run: ${errors.map((d) => d.message).join('; ')}`, options);
    this.machine = machine;
    this.diagnostics = diagnostics;
  }
}
