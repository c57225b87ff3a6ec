/**
 * What the shell found at a workspace path the QA validator asked about. A folder lists the names
 * of the regular files directly inside it, sorted. `refused` is anything that must not be read: a
 * symbolic link out of the workspace, a device, a socket.
 */
export type PathProbe =
  | { kind: 'file' }
  | { kind: 'folder'; files: string[] }
  | { kind: 'missing' }
  | { kind: 'refused'; reason: string };

/** Probes by workspace-relative path. */
export type PathProbes = ReadonlyMap<string, PathProbe>;
