import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LEDGER_LOGGER, LedgerLogger } from '../../logging/ledger-logger';
import { ReplayedResponse } from '../idempotency/replayed-response';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem';
import { toProblem } from './to-problem';

/**
 * Renders every error leaving a route as `application/problem+json` (RFC 9457), using the one
 * error map in toProblem. Unexpected errors are logged with their stack and answered with a
 * generic 500 that reveals nothing of the internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(LEDGER_LOGGER) private readonly logger: LedgerLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (error instanceof ReplayedResponse) {
      error.send(reply);
      return;
    }
    renderError(error, request, reply, this.logger);
  }
}

/** Shared by the filter and Fastify's error handler (errors raised before a route runs). */
export function renderError(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: LedgerLogger): void {
  const problem = toProblem(error, pathOf(request.url));
  if (problem.unexpected) {
    logger.error({ err: error, method: request.method, url: request.url }, 'request failed unexpectedly');
  }
  sendProblem(reply, problem);
}

/** Sends a problem unless something already answered (a stream or a replay). */
export function sendProblem(reply: FastifyReply, problem: Problem): void {
  if (reply.sent) return;
  void reply.status(problem.body.status).headers(problem.headers).type(PROBLEM_CONTENT_TYPE).send(problem.body);
}

/** The request path without its query, used as the problem's `instance`. */
export const pathOf = (url: string): string => url.split('?', 1)[0];
