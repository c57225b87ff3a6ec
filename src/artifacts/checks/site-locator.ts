import { LineCounter } from 'yaml';
import type { Diagnostic } from '../../domain/errors/index.js';
import { diagnosticAt } from '../source/diagnostic-at.js';
import type { LoadedSource } from '../source/loaded-source.js';
import { locatePath } from '../source/locate-path.js';
import type { SymbolSite } from './planning-symbols.js';

/** Turns symbol sites into located diagnostics and short "where" phrases. */
export interface SiteLocator {
  diagnose(site: SymbolSite, severity: Diagnostic['severity'], message: string): Diagnostic;
  /** `line 3`, or `sprints.yaml line 3` when `site` is in another file than `from`. */
  where(site: SymbolSite, from: SymbolSite): string;
}

/** A locator over the loaded files the sites point into. */
export function createSiteLocator(sources: readonly LoadedSource[]): SiteLocator {
  const byFile = new Map(sources.map((source) => [source.file, source]));
  const sourceOf = (site: SymbolSite): LoadedSource =>
    byFile.get(site.file) ?? { file: site.file, document: undefined, lineCounter: new LineCounter(), value: undefined, readable: false, diagnostics: [] };
  return {
    diagnose: (site, severity, message) => diagnosticAt(sourceOf(site), severity, message, site.path, site.at === 'key' ? 'key' : 'value'),
    where: (site, from) => {
      const { line } = locatePath(sourceOf(site), site.path);
      return site.file === from.file ? `line ${line}` : `${site.file.split(/[\\/]/).at(-1) ?? site.file} line ${line}`;
    },
  };
}
