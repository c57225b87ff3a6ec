import { join } from 'node:path';
import { releaseFiles } from '../../domain/release/index.js';

/** `releases/<milestoneId>/` of a workspace. */
export function releaseFolder(workspace: string, milestoneId: string): string {
  return join(workspace, 'releases', milestoneId);
}

/** The three files of a sealed release in `folder`. */
export function releasePaths(folder: string): { manifest: string; signature: string; publicKey: string } {
  return { manifest: join(folder, releaseFiles.manifest), signature: join(folder, releaseFiles.signature), publicKey: join(folder, releaseFiles.publicKey) };
}
