/** Limits that keep a hostile file from exhausting memory, stack or time. */
export interface SourceLimits {
  /** Largest file read, checked before parsing. */
  maxBytes: number;
  /** Deepest nesting of lists and maps. */
  maxDepth: number;
  /** Most alias expansions (YAML `*ref`), against alias bombs. */
  maxAliasCount: number;
}

/** 2 MiB, 64 levels, 100 alias expansions. */
export const defaultSourceLimits: SourceLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxDepth: 64,
  maxAliasCount: 100,
};

/** The given limits with the defaults filled in. */
export function resolveSourceLimits(options: Partial<SourceLimits> = {}): SourceLimits {
  return { ...defaultSourceLimits, ...options };
}
