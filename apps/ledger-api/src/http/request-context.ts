import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The name of the API key that authenticated the request (set by ApiKeyGuard). */
    actor?: string;
    /** The validated Idempotency-Key and its scope, when the client sent one (set by the interceptor). */
    idempotency?: IdempotencyContext;
  }
}

/** The authenticated API key's name, for command metadata ("who did it"). */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  return context.switchToHttp().getRequest<FastifyRequest>().actor;
});

/** An Idempotency-Key with the scope it is unique in (API key name, method and path). */
export interface IdempotencyContext {
  readonly key: string;
  readonly scope: string;
}

/**
 * The request's validated Idempotency-Key and scope; command handlers pass both to
 * deriveEventId so a retried command appends events with the same ids.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotencyContext | undefined =>
    context.switchToHttp().getRequest<FastifyRequest>().idempotency,
);
