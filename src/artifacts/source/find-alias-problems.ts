import { visit, type Document } from 'yaml';

/** A YAML alias (`*name`) that cannot be expanded safely. */
export interface AliasProblem {
  offset: number;
  message: string;
}

/** What the aliases of a document look like: where the first is, and which are broken or circular. */
export interface AliasScan {
  firstAliasOffset: number | undefined;
  problems: AliasProblem[];
}

/**
 * Finds aliases that name no anchor and aliases inside the node they refer to, which would make
 * the data circular (and any walk over it endless).
 */
export function findAliasProblems(document: Document): AliasScan {
  let firstAliasOffset: number | undefined;
  const problems: AliasProblem[] = [];
  visit(document, {
    Alias(_key, alias, path) {
      const offset = alias.range?.[0] ?? 0;
      firstAliasOffset ??= offset;
      const target = alias.resolve(document);
      if (target === undefined) {
        problems.push({ offset, message: `alias *${alias.source} names no anchor defined before it` });
      } else if (path.includes(target)) {
        problems.push({ offset, message: `alias *${alias.source} is inside the node it refers to, which would make the data circular` });
      }
    },
  });
  return { firstAliasOffset, problems };
}
