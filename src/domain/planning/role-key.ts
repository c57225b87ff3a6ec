/**
 * The comparable form of an agent role name: `BackendDeveloper`, `backend-developer` and
 * `BackendDeveloperAgent` all give `backenddeveloper`.
 */
export function roleKey(role: string): string {
  const key = role.toLowerCase().replace(/[^a-z0-9]/g, '');
  return key.length > 'agent'.length && key.endsWith('agent') ? key.slice(0, -'agent'.length) : key;
}

/** Do two spellings name the same role? */
export function isSameRole(a: string, b: string): boolean {
  return roleKey(a) === roleKey(b);
}
