import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseStrictJson } from './strict-json';

/** Largest accepted request body; commands are small, so anything bigger is a mistake or an attack. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Makes JSON the only body the API accepts. Fastify's own parsers are removed, so a body of any
 * other content type fails with FST_ERR_CTP_INVALID_MEDIA_TYPE (415), and JSON goes through the
 * strict parser (duplicate and prototype keys are 400). `application/*+json` is accepted too.
 */
export function registerStrictJsonBody(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parser = (_request: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void) => {
    try {
      done(null, parseStrictJson(body));
    } catch (error: unknown) {
      done(error as Error, undefined);
    }
  };
  const options = { parseAs: 'string' as const, bodyLimit: BODY_LIMIT_BYTES };
  fastify.addContentTypeParser('application/json', options, parser);
  fastify.addContentTypeParser(/^application\/[a-z0-9.+-]+\+json$/i, options, parser);
}
