import type { PathSegment } from '../source/format-path.js';

/** The kinds of names planning files define and refer to. */
export type SymbolNamespace = 'milestone' | 'feature' | 'sprint' | 'agent' | 'role' | 'user' | 'state-machine';

/** Where in which file a name is written. */
export interface SymbolSite {
  file: string;
  path: PathSegment[];
  /** Point at the map key rather than its value (for names written as keys). */
  at?: 'key';
}

/** A name a file defines, e.g. a milestone id. */
export interface SymbolDefinition extends SymbolSite {
  namespace: SymbolNamespace;
  id: string;
}

/** A name a file refers to, which another (or the same) file must define. */
export interface SymbolReference extends SymbolSite {
  namespace: 'milestone' | 'feature' | 'role';
  id: string;
  severity: 'error' | 'warning';
  /** Who refers, for the message: `milestone mvp-core requires feature`. */
  subject: string;
  /** Said after the missing name, e.g. `; the planner will defer it as a missing prerequisite`. */
  consequence?: string;
}

/** A `dependsOn` edge between features. */
export interface Dependency extends SymbolSite {
  from: string;
  to: string;
}

/** Everything the cross-file checks need from a set of planning files. */
export interface PlanningSymbols {
  /** Namespaces some file defines in full; checks against the others are skipped. */
  provided: SymbolNamespace[];
  definitions: SymbolDefinition[];
  references: SymbolReference[];
  dependencies: Dependency[];
}

/** No symbols at all. */
export function emptySymbols(): PlanningSymbols {
  return { provided: [], definitions: [], references: [], dependencies: [] };
}

/** The symbols of several files together. */
export function mergeSymbols(parts: readonly PlanningSymbols[]): PlanningSymbols {
  return {
    provided: [...new Set(parts.flatMap((part) => part.provided))],
    definitions: parts.flatMap((part) => part.definitions),
    references: parts.flatMap((part) => part.references),
    dependencies: parts.flatMap((part) => part.dependencies),
  };
}
