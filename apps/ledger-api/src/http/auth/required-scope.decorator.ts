import { SetMetadata } from '@nestjs/common';
import type { ApiScope } from '@ledger/config';

export const REQUIRED_SCOPE = 'ledger:required-scope';
export const PUBLIC_ROUTE = 'ledger:public-route';

/** The scope an API key needs for this controller or route (a route's own scope wins). */
export const RequiredScope = (scope: ApiScope): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_SCOPE, scope);

/** Marks a route reachable without a key (health, metrics). Everything else is closed by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
