/** What a secret's value is replaced with in logs. */
export const redacted = '[Redacted]';

/** Names that hold a secret: tokens, passwords, keys, credentials, authorization. */
const secretName = /token|passw(or)?d|pwd|secret|key|credential|auth|cookie|session|signature/i;

/** Is `name` (an environment variable, header or query parameter) one whose value is a secret? */
export function isSecretName(name: string): boolean {
  return secretName.test(name);
}

/**
 * A copy of `values` (an agent's environment or headers) with every secret's value redacted.
 *
 * @example redactValues({ GITHUB_TOKEN: 'ghp_x', LANG: 'C' }) // { GITHUB_TOKEN: '[Redacted]', LANG: 'C' }
 */
export function redactValues(values: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) copy[name] = isSecretName(name) ? redacted : value;
  return copy;
}

/** `url` with the values of secret query parameters and any user info redacted; a string that is not a URL comes back as is. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = redacted;
    parsed.password = '';
  }
  for (const name of [...parsed.searchParams.keys()]) if (isSecretName(name)) parsed.searchParams.set(name, redacted);
  return parsed.toString();
}
