/** Pieces of an HTTP client over `fetch` shared by the http agent executor and webhook deliveries. */

/** Connection failures worth another attempt: the request most likely never reached the endpoint, or the connection broke. */
export const retryableCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** A response body up to `limit` bytes (a longer one is cut there, and said so); a declared longer length is not read at all. */
export async function readBody(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    return { text: '', truncated: true };
  }
  if (response.body === null) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      chunks.push(value.subarray(0, value.byteLength - (size - limit)));
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

/** What a failed fetch says, and the system or undici code behind it (fetch wraps it as `cause`). */
export function transportFailure(error: unknown): { message: string; code?: string } {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = codeOf(cause) ?? (cause instanceof AggregateError ? cause.errors.map(codeOf).find((found) => found !== undefined) : undefined);
  const text = messageOf(cause);
  const message = code === undefined || text.includes(code) ? text : `${text} (${code})`;
  return code === undefined ? { message } : { message, code };
}

function codeOf(error: unknown): string | undefined {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The endpoint without its query or credentials, for reasons that end up in the log; `fallback` for a malformed URL. */
export function describeUrl(url: string, fallback = 'the agent endpoint'): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return fallback;
  }
}
