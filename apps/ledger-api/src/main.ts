import { LedgerConfigError, loadLedgerConfig, LedgerConfig } from '@ledger/config';
import { createLedgerApp } from './create-ledger-app';
import { createLedgerLogger } from './logging/ledger-logger';
import { servicingOptionsFromEnvironment, ServicingOptions } from './operations/servicing.options';
import { readModelsOptionsFromEnvironment, ReadModelsOptions } from './read-models/read-models.options';

/** Starts the API. With no environment at all it runs on port 3000 with a generated local key. */
async function main(): Promise<void> {
  let config: LedgerConfig;
  let readModels: ReadModelsOptions;
  let servicing: ServicingOptions;
  try {
    config = loadLedgerConfig();
    // Read here, not first inside the module, so a bad LEDGER_PROJECTOR gets the same one-line answer.
    readModels = readModelsOptionsFromEnvironment();
    servicing = servicingOptionsFromEnvironment();
  } catch (error: unknown) {
    if (!(error instanceof LedgerConfigError)) throw error;
    // No logger exists yet, and the message names the variable, never its secret value.
    process.stderr.write(`ledger-api: invalid configuration: ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLedgerLogger({ level: config.logLevel, dataDir: config.dataDir });
  for (const notice of config.startupNotices) logger[notice.level](notice.message);
  const app = await createLedgerApp(config, { logger, readModels, servicing });
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  logger.info({ port: config.port, dataDir: config.dataDir }, `ledger-api listening on http://localhost:${config.port} (API docs at /docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`ledger-api: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
