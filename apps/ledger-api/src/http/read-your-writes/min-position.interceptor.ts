import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { GlobalPosition } from '@ledger/event-store';
import { PROJECTION_POSITIONS } from '../../read-models/projection-positions';
import type { ProjectionPositions } from '../../read-models/projection-positions';
import { READ_MODELS_OPTIONS } from '../../read-models/read-models.tokens';
import type { ReadModelsOptions } from '../../read-models/read-models.options';
import { ProblemError } from '../problem-details/problem';

/** The request header of read-your-writes (api.md) and the answer header of every query. */
export const MIN_POSITION_HEADER = 'X-Min-Position';
export const PROJECTION_POSITION_HEADER = 'X-Projection-Position';

// A global position is an unsigned 64-bit integer written in decimal, without leading zeros.
const POSITION = /^(0|[1-9][0-9]{0,19})$/;
const POSITION_MAX = 2n ** 64n - 1n;

/**
 * Read-your-writes for queries. With `X-Min-Position: <position>` (the `position` a command
 * answered) the query waits until every active projection reflects it, at most the configured
 * timeout (5 s), else answers 503 with Retry-After. Every query answers X-Projection-Position,
 * the lowest checkpoint among active projections, read before the query runs: checkpoints only
 * move forward, so the answer reflects at least that position ("0" before anything is projected).
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(
    @Inject(PROJECTION_POSITIONS) private readonly positions: ProjectionPositions,
    @Inject(READ_MODELS_OPTIONS) private readonly options: ReadModelsOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return from(this.catchUp(request, reply)).pipe(switchMap(() => next.handle()));
  }

  private async catchUp(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const wanted = parseMinPosition(request.headers[MIN_POSITION_HEADER.toLowerCase()]);
    if (wanted !== null && !(await this.positions.waitFor(wanted, this.options.minPositionTimeoutMs))) {
      throw new ProblemError(
        503,
        'PROJECTION_BEHIND',
        `The read models have not reached position ${wanted} within ${this.options.minPositionTimeoutMs} ms; retry shortly`,
        { 'Retry-After': '1' },
      );
    }
    void reply.header(PROJECTION_POSITION_HEADER, (await this.positions.current()) ?? '0');
  }
}

/** The header's position, null when absent; 400 naming the header when malformed. */
export function parseMinPosition(raw: string | string[] | undefined): GlobalPosition | null {
  if (raw === undefined) return null;
  const text = Array.isArray(raw) ? null : raw.trim();
  if (text === null || !POSITION.test(text) || BigInt(text) > POSITION_MAX) {
    const message = `${MIN_POSITION_HEADER} must be one global position written as a decimal integer, as commands answer it`;
    throw new ProblemError(400, 'MIN_POSITION_INVALID', message, {}, [
      { field: MIN_POSITION_HEADER, reason: 'MIN_POSITION_INVALID', message },
    ]);
  }
  return text as GlobalPosition;
}
