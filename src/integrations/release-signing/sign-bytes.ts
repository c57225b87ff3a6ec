import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The Ed25519 signature of `bytes`, base64. */
export function signBytes(privateKey: KeyObject, bytes: Uint8Array): string {
  return sign(null, bytes, privateKey).toString('base64');
}

/** Whether `signature` (base64) is the Ed25519 signature of `bytes` by the key `publicPem`; false for a malformed key or signature. */
export function verifyBytes(publicPem: string, bytes: Uint8Array, signature: string): boolean {
  try {
    const key = createPublicKey(publicPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, bytes, key, Buffer.from(signature.trim(), 'base64'));
  } catch {
    return false;
  }
}
