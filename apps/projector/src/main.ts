import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LedgerConfigError, loadLedgerConfig, LedgerConfig } from '@ledger/config';
import { createLedgerLogger } from '../../ledger-api/src/logging/ledger-logger';
import { PinoNestLogger } from '../../ledger-api/src/logging/nest-logger';
import { readModelsOptionsFromEnvironment, ReadModelsOptions } from '../../ledger-api/src/read-models/read-models.options';
import { ProjectorModule } from './projector.module';

/** PROJECTOR_PORT: where /health and /metrics listen; 3001 beside the API's 3000. */
export function projectorPort(raw: string | undefined = process.env.PROJECTOR_PORT): number {
  const text = raw?.trim() || '3001';
  const port = /^[0-9]{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new LedgerConfigError('PROJECTOR_PORT', `must be a TCP port 0-65535, got "${text}"`);
  return port;
}

/**
 * Runs the projections for the production setup (EventStoreDB + MongoDB, the API started with
 * LEDGER_PROJECTOR=external); it works on the embedded stores too. Same configuration as the API.
 */
async function main(): Promise<void> {
  let config: LedgerConfig;
  let readModels: ReadModelsOptions;
  let port: number;
  try {
    config = loadLedgerConfig();
    readModels = readModelsOptionsFromEnvironment();
    port = projectorPort();
  } catch (error: unknown) {
    if (!(error instanceof LedgerConfigError)) throw error;
    process.stderr.write(`projector: invalid configuration: ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLedgerLogger({ level: config.logLevel, dataDir: config.dataDir });
  const app = await NestFactory.create<NestFastifyApplication>(ProjectorModule.forRoot(config, logger, readModels), new FastifyAdapter(), {
    logger: new PinoNestLogger(logger),
  });
  app.enableShutdownHooks();
  await app.listen(port, '0.0.0.0');
  logger.info({ port, dataDir: config.dataDir }, `projector running; health and metrics on http://localhost:${port}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`projector: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
