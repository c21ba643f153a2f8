import { performance } from 'node:perf_hooks';

/** One HTTP answer, with how long the last attempt took and how many attempts it needed. */
export interface Reply {
  status: number;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
  headers: Headers;
  latencyMs: number;
  attempts: number;
}

export interface RequestSpec {
  method: string;
  path: string;
  /** Sent as JSON unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
}

export interface LedgerClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Attempts for `command` (transport errors, 503, in-flight and concurrency 409s), same key each time. */
  maxAttempts?: number;
}

/** The reasons a client retries with the same key: the first attempt may or may not have happened. */
const RETRYABLE_REASONS = new Set([
  'IDEMPOTENCY_KEY_IN_FLIGHT',
  'CONCURRENT_MODIFICATION',
  'STREAM_CHANGED_CONCURRENTLY',
]);

export const reasonOf = (reply: Reply): string | undefined =>
  typeof reply.body === 'object' && reply.body !== null
    ? ((reply.body as Record<string, unknown>).reason as string | undefined)
    : undefined;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The proof suite's HTTP client (Node's fetch, keep-alive). `send` is one attempt; `command`
 * retries with the same Idempotency-Key, as a careful integrator would after a timeout or crash.
 */
export class LedgerClient {
  constructor(private readonly options: LedgerClientOptions) {}

  async send(spec: RequestSpec): Promise<Reply> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      ...spec.headers,
    };
    if (spec.idempotencyKey !== undefined) headers['idempotency-key'] = spec.idempotencyKey;
    let payload: string | undefined = spec.rawBody;
    if (payload === undefined && spec.body !== undefined) payload = JSON.stringify(spec.body);
    if (
      payload !== undefined &&
      !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')
    ) {
      headers['content-type'] = 'application/json';
    }
    const started = performance.now();
    const response = await fetch(`${this.options.baseUrl}${spec.path}`, {
      method: spec.method,
      headers,
      body: payload,
    });
    const text = await response.text();
    const latencyMs = performance.now() - started;
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON: keep the text for the report.
    }
    return { status: response.status, body, headers: response.headers, latencyMs, attempts: 1 };
  }

  /** Sends until the answer is final; throws the last transport error after `maxAttempts`. */
  async command(spec: RequestSpec): Promise<Reply> {
    const maxAttempts = this.options.maxAttempts ?? 20;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      try {
        const reply = await this.send(spec);
        const retry =
          reply.status === 503 || (reply.status === 409 && RETRYABLE_REASONS.has(reasonOf(reply) ?? ''));
        if (!retry || attempt === maxAttempts) return { ...reply, attempts: attempt };
      } catch (error: unknown) {
        lastError = error;
      }
      await sleep(Math.min(200, 2 ** attempt) + Math.random() * 5);
    }
    throw lastError instanceof Error ? lastError : new Error('request failed');
  }
}
