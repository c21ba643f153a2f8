import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LedgerConfig } from '@ledger/config';
import { setupApiDocs } from './http/api-docs';
import { BODY_LIMIT_BYTES, registerStrictJsonBody } from './http/body/json-body';
import { HttpMetrics } from './http/observability/http-metrics';
import { registerRequestHooks } from './http/observability/request-hooks';
import { LedgerApiModule, LedgerAppOverrides } from './ledger-api.module';
import { createLedgerLogger } from './logging/ledger-logger';
import { PinoNestLogger } from './logging/nest-logger';
import './http/request-context';

/**
 * Builds the ledger API on Fastify, ready for `listen` (main) or `init` (e2e tests). Tests pass a
 * temp data dir in `config`, a settable clock and their own controllers through `overrides`.
 */
export async function createLedgerApp(config: LedgerConfig, overrides: LedgerAppOverrides = {}): Promise<NestFastifyApplication> {
  const logger = overrides.logger ?? createLedgerLogger({ level: config.logLevel, dataDir: config.dataDir });
  // Fastify's own logger stays off: the onResponse hook writes the one request line we want.
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, logger: false });
  const app = await NestFactory.create<NestFastifyApplication>(LedgerApiModule.forRoot(config, logger, overrides), adapter, {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerStrictJsonBody(fastify);
  registerRequestHooks(fastify, logger, app.get(HttpMetrics));
  setupApiDocs(app, fastify);
  return app;
}
