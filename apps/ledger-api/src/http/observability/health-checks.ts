import { Injectable } from '@nestjs/common';

/** A readiness check: resolves when healthy, rejects (or answers a detail) when not. */
export type HealthCheck = () => Promise<void>;

export interface HealthReport {
  readonly status: 'ok' | 'failing';
  readonly checks: readonly { name: string; status: 'ok' | 'failing'; detail?: string }[];
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * The pluggable list behind GET /health. Other modules register their checks at startup (the
 * projector will register its lag); an empty list means the process is alive and serving.
 */
@Injectable()
export class HealthChecks {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    if (this.checks.has(name)) throw new Error(`Health check ${name} is already registered`);
    this.checks.set(name, check);
  }

  async run(): Promise<HealthReport> {
    const checks = await Promise.all([...this.checks].map(([name, check]) => runOne(name, check)));
    return { status: checks.every((check) => check.status === 'ok') ? 'ok' : 'failing', checks };
  }
}

async function runOne(name: string, check: HealthCheck): Promise<HealthReport['checks'][number]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { name, status: 'ok' };
  } catch (error: unknown) {
    return { name, status: 'failing', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
