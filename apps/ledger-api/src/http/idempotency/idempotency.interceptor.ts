import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { from, mergeMap, Observable, catchError, throwError } from 'rxjs';
import { isDomainError } from '@ledger/domain';
import { CLOCK, Clock } from '../../clock/clock';
import { LEDGER_LOGGER, LedgerLogger } from '../../logging/ledger-logger';
import { ProblemError } from '../problem-details/problem';
import { pathOf } from '../problem-details/problem-details.filter';
import { toProblem } from '../problem-details/to-problem';
import { fingerprintOf, idempotencyScopeOf, parseIdempotencyKeyHeader } from './idempotency-key';
import { IDEMPOTENCY_STORE, IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.port';
import { ReplayedResponse } from './replayed-response';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Records are kept 60 days: far beyond the 24 hours the API promises, for late bank callbacks. */
export const IDEMPOTENCY_RETENTION_MS = 60 * 24 * 60 * 60 * 1000;
/** An IN_FLIGHT claim older than this belongs to a crashed request; derived event ids make re-running it safe. */
export const IN_FLIGHT_STALE_MS = 60 * 1000;

interface Claimed {
  readonly scope: string;
  readonly key: string;
  readonly claimId: string;
  /** True while this request holds an IN_FLIGHT record it must complete or release. */
  owned: boolean;
}

/**
 * Idempotency-Key handling for POST/PUT/PATCH/DELETE. The first request claims the key; a retry
 * with the same body gets the stored response (`Idempotent-Replayed: true`) and writes nothing;
 * another body gets 422; a retry while the first is running gets 409. A request that fails
 * leaves nothing behind, except a business-rule refusal (409 RuleViolated), which is stored and
 * replayed like Stripe does: the refusal is the command's answer, and retrying cannot change it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LEDGER_LOGGER) private readonly logger: LedgerLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!MUTATING_METHODS.has(request.method)) return next.handle();
    const key = parseIdempotencyKeyHeader(request.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    const scope = idempotencyScopeOf(request.actor ?? 'anonymous', request.method, pathOf(request.url));
    request.idempotency = { key, scope };
    const claimed: Claimed = { scope, key, claimId: randomUUID(), owned: false };
    return from(this.claim(claimed, fingerprintOf(request.body))).pipe(
      mergeMap(() => next.handle()),
      mergeMap(async (body: unknown) => {
        await this.complete(claimed, { status: successStatus(context), body });
        return body;
      }),
      catchError((error: unknown) =>
        from(this.settleFailure(claimed, error, request)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  /** Claims the key, or throws the answer for a key already used. */
  private async claim(claimed: Claimed, fingerprint: string): Promise<void> {
    const now = Date.parse(this.clock.now());
    const result = await this.store.claim({
      ...claimed,
      fingerprint,
      now: new Date(now).toISOString(),
      expiresAt: new Date(now + IDEMPOTENCY_RETENTION_MS).toISOString(),
      staleBefore: new Date(now - IN_FLIGHT_STALE_MS).toISOString(),
    });
    if (result.outcome === 'existing') throw answerFor(result.record, fingerprint);
    claimed.owned = true;
  }

  private async complete(claimed: Claimed, response: StoredResponse): Promise<void> {
    claimed.owned = false;
    try {
      await this.store.complete(claimed.scope, claimed.key, claimed.claimId, response);
    } catch (error: unknown) {
      // The command ran; failing the response now would invite a retry. The claim goes stale
      // and a retry re-runs with the same derived event ids, which the event store deduplicates.
      this.logger.error({ err: error, scope: claimed.scope }, 'could not store an idempotent response');
    }
  }

  private async settleFailure(claimed: Claimed, error: unknown, request: FastifyRequest): Promise<void> {
    if (!claimed.owned) return; // The claim itself failed (replay, 409, 422): nothing is ours.
    if (isDomainError(error) && error.kind === 'RuleViolated') {
      await this.complete(claimed, { status: 409, body: toProblem(error, pathOf(request.url)).body });
      return;
    }
    claimed.owned = false;
    try {
      await this.store.release(claimed.scope, claimed.key, claimed.claimId);
    } catch (releaseError: unknown) {
      this.logger.error({ err: releaseError, scope: claimed.scope }, 'could not release an idempotency claim');
    }
  }
}

function answerFor(record: IdempotencyRecord, fingerprint: string): Error {
  if (record.fingerprint !== fingerprint) {
    return new ProblemError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
  }
  if (record.status === 'IN_FLIGHT' || record.response === undefined) {
    return new ProblemError(409, 'IDEMPOTENCY_KEY_IN_FLIGHT', 'A request with this Idempotency-Key is still being processed', {
      'Retry-After': '1',
    });
  }
  return new ReplayedResponse(record.response);
}

/** The status Nest will send for the value a route returns: its @HttpCode, else 201 for POST. */
function successStatus(context: ExecutionContext): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
  const reply = context.switchToHttp().getResponse<FastifyReply>();
  if (declared !== undefined) return declared;
  // A route using @Res({ passthrough: true }) may have set its own status.
  if (reply.statusCode !== 200) return reply.statusCode;
  return context.switchToHttp().getRequest<FastifyRequest>().method === 'POST' ? 201 : 200;
}
