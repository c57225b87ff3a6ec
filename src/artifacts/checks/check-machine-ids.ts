import type { Diagnostic } from '../../domain/errors/index.js';
import { MachineId } from '../../domain/fsm/machine-id.js';
import { didYouMean } from '../../domain/text/closest-match.js';
import type { PlanningSymbols } from './planning-symbols.js';
import type { SiteLocator } from './site-locator.js';

const machineIds: readonly string[] = Object.values(MachineId);

/**
 * Warns about a state machine file that replaces none of the machines Kairos runs (a misnamed
 * `planning/fsm/sprnt.yaml` would otherwise be silently unused).
 */
export function checkMachineIds(symbols: PlanningSymbols, locator: SiteLocator): Diagnostic[] {
  return symbols.definitions
    .filter((definition) => definition.namespace === 'state-machine' && !machineIds.includes(definition.id))
    .map((definition) => {
      const hint = didYouMean(definition.id, machineIds);
      return locator.diagnose(definition, 'warning', `Kairos runs the machines ${machineIds.join(', ')}; ${definition.id} replaces none of them and is not used${hint}`);
    });
}
