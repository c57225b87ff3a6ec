import type { Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isExcludedFolder, isSelected, type RuleGlobs, type ScannedFile } from '../../../domain/security-policy/index.js';

/** How much of a workspace a policy run looks at. */
export interface WorkspaceFileLimits {
  /** Most entries a walk visits before it stops (and says so). */
  maxEntries: number;
  /** Largest file searched; larger ones are skipped and reported. */
  maxBytes: number;
}

/** The limits used unless a test gives others. */
export const defaultWorkspaceFileLimits: WorkspaceFileLimits = { maxEntries: 50_000, maxBytes: 1024 * 1024 };

/** The files of a workspace a rule selects, and their texts; listings and texts are cached for the run. */
export interface WorkspaceFiles {
  select(globs: RuleGlobs, signal: AbortSignal): Promise<{ paths: string[]; truncated: boolean }>;
  read(path: string): Promise<ScannedFile>;
}

/**
 * Reads a workspace for pattern rules, never outside it: a walk starts at each glob's base folder,
 * skips folders an exclude covers wholly, and does not follow symbolic links (a link could lead out
 * of the workspace). Files too large, binary or unreadable are skipped with the reason.
 */
export function createWorkspaceFiles(root: string, limits: WorkspaceFileLimits = defaultWorkspaceFileLimits): WorkspaceFiles {
  const listings = new Map<string, Promise<Dirent[]>>();
  const texts = new Map<string, Promise<ScannedFile>>();
  const list = (dir: string): Promise<Dirent[]> => {
    let listing = listings.get(dir);
    if (listing === undefined) {
      listing = readdir(join(root, dir), { withFileTypes: true }).then(
        (entries) => entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
        () => [],
      );
      listings.set(dir, listing);
    }
    return listing;
  };
  return {
    async select(globs, signal) {
      const selected = new Set<string>();
      let visited = 0;
      let truncated = false;
      const walk = async (dir: string): Promise<void> => {
        for (const entry of await list(dir)) {
          if (signal.aborted || truncated) return;
          if (++visited > limits.maxEntries) {
            truncated = true;
            return;
          }
          const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
          if (entry.isDirectory()) {
            if (!isExcludedFolder(path, globs.exclude)) await walk(path);
          } else if (entry.isFile() && isSelected(path, globs)) {
            selected.add(path);
          }
        }
      };
      for (const base of new Set(globs.files.map((glob) => glob.base))) await walk(base);
      return { paths: [...selected].sort(), truncated };
    },
    read(path) {
      let text = texts.get(path);
      if (text === undefined) {
        text = readText(join(root, path), limits.maxBytes).then((result) => ({ path, ...result }));
        texts.set(path, text);
      }
      return text;
    },
  };
}

async function readText(file: string, maxBytes: number): Promise<{ text: string } | { skipped: string }> {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return { skipped: `over ${Math.round(maxBytes / 1024)} KiB` };
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      const bytes = buffer.subarray(0, bytesRead);
      if (bytes.subarray(0, 8000).includes(0)) return { skipped: 'binary' };
      return { text: bytes.toString('utf8') };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { skipped: `unreadable: ${(error as { code?: string }).code ?? 'error'}` };
  }
}
