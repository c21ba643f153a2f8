import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../problem-details/problem';
import { StoredResponse } from './idempotency-store.port';

/**
 * Carries a stored response out of the idempotency interceptor. It travels as an exception because
 * Nest always overwrites the status of a value a route returns, and a replay must repeat the
 * first status exactly (201, or a stored 409 refusal); the problem-details filter sends it as is.
 */
export class ReplayedResponse extends Error {
  constructor(readonly response: StoredResponse) {
    super('Replaying the stored response of an Idempotency-Key');
    this.name = 'ReplayedResponse';
  }

  send(reply: FastifyReply): void {
    const { status, body } = this.response;
    void reply
      .status(status)
      .header('Idempotent-Replayed', 'true')
      .type(status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json; charset=utf-8')
      .send(body === undefined || body === null ? '' : JSON.stringify(body));
  }
}
