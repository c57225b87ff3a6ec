/**
 * Release signing: the workspace's Ed25519 key (`.kairos/release-signing-key.pem`, made once,
 * 0600), detached signatures from `node:crypto`, and the sha256 of workspace files a release seals.
 */
export * from './signing-key.js';
export * from './sign-bytes.js';
export * from './hash-workspace-file.js';
