import type { FastifyInstance } from 'fastify';
import type { LedgerLogger } from '../../logging/ledger-logger';
import { HttpMetrics } from './http-metrics';

/**
 * One log line and one histogram sample per request, from Fastify's onResponse hook so that
 * requests refused before a route runs (401, 413, 415) are counted too. Errors raised before a
 * route runs need no handler here: Nest installs Fastify's error handler and routes them through
 * the global ProblemDetailsFilter.
 */
export function registerRequestHooks(fastify: FastifyInstance, logger: LedgerLogger, metrics: HttpMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    // The route template (/v1/loans/:acct) keeps label cardinality bounded; unmatched URLs share one label.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requestDuration.observe({ method: request.method, route, status: String(status) }, reply.elapsedTime / 1000);
    const line = { method: request.method, url: request.url, status, ms: Math.round(reply.elapsedTime), actor: request.actor };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
    done();
  });
}
