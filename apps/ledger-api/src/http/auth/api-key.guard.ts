import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { ApiScope } from '@ledger/config';
import { ProblemError } from '../problem-details/problem';
import { ApiKeyRegistry } from './api-key-registry';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './required-scope.decorator';

const CHALLENGE = 'Bearer realm="ledger"';

/**
 * Authenticates `Authorization: Bearer <secret>` against LEDGER_API_KEYS and checks the route's
 * scope. Closed by default: a route that is neither @Public nor declares a @RequiredScope answers
 * 403 for every key, so a forgotten decorator cannot open a route.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly registry: ApiKeyRegistry,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = this.authenticate(request.headers.authorization);
    request.actor = key.name;
    const scope = this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, targets);
    if (scope === undefined || !key.scopes.has(scope)) {
      throw new ProblemError(403, 'SCOPE_MISSING', `The API key "${key.name}" lacks the scope ${scope ?? '(undeclared)'}`);
    }
    return true;
  }

  private authenticate(header: string | undefined) {
    const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
    if (match === null) {
      throw new ProblemError(401, 'API_KEY_MISSING', 'Send an API key as "Authorization: Bearer <key>"', {
        'WWW-Authenticate': CHALLENGE,
      });
    }
    const key = this.registry.find(match[1]);
    if (key === undefined) {
      throw new ProblemError(401, 'API_KEY_UNKNOWN', 'The API key is not recognised', {
        'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"`,
      });
    }
    return key;
  }
}
