/** `from` value meaning every state but the final ones. */
export const anyState = '*';
