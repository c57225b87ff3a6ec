import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where a workspace keeps the private key its releases are signed with (readable by its owner only). */
export const signingKeyPath = (workspace: string): string => join(workspace, '.kairos', 'release-signing-key.pem');

/**
 * The workspace's Ed25519 release signing key: read from `.kairos/release-signing-key.pem`, or made
 * once (created exclusively with mode 0600, so two processes never make two keys).
 */
export async function releaseSigningKey(workspace: string): Promise<KeyObject> {
  const path = signingKeyPath(workspace);
  const existing = await readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined) return createPrivateKey(existing);
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  await mkdir(dirname(path), { recursive: true });
  try {
    const file = await open(path, 'wx', 0o600);
    try {
      await file.writeFile(pem);
      await file.sync();
    } finally {
      await file.close();
    }
    return privateKey;
  } catch (error) {
    // Another process made it first: use that one.
    if ((error as { code?: unknown }).code === 'EEXIST') return createPrivateKey(await readFile(path, 'utf8'));
    throw error;
  }
}

/** The public half of a key, as PEM (SPKI). */
export function publicKeyPem(key: KeyObject): string {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'pem' }) as string;
}

/** A short, stable name of a public key: `ed25519:` and the sha256 of its DER form. */
export function keyIdOf(publicPem: string): string {
  const der = createPublicKey(publicPem).export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex')}`;
}
