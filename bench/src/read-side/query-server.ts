import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { loadLedgerConfig } from '@ledger/config';
import { createLedgerApp } from '../../../apps/ledger-api/src/create-ledger-app';

/*
 * The servers of the query bench, each in its own process so the load generator does not share
 * their event loop: `app` is the real ledger API on the embedded stores (projector embedded,
 * daily cycle off); `bare` is a bare Fastify route reading the same rows with bare better-sqlite3.
 * Usage: node query-server.js app|bare <dataDir> <apiKeySecret>; the port goes back over IPC.
 */

const startApp = async (dataDir: string, secret: string): Promise<number> => {
  const config = loadLedgerConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_API_KEYS: `bench:${secret}:queries`,
    LEDGER_VAULT_KEY: 'ab'.repeat(32),
    LEDGER_LOG_LEVEL: 'warn',
  });
  const app = await createLedgerApp(config, { servicing: { scheduler: false } });
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as { port: number }).port;
};

const startBare = async (dataDir: string): Promise<number> => {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  const balance = db.prepare('SELECT document FROM "loan-balance_v1_loans" WHERE id = ?').pluck();
  const payments = db
    .prepare(
      `SELECT document FROM "payment-history_v1_payments" WHERE document IS NOT NULL AND json_extract(document, '$.accountNumber') IS ?
       ORDER BY json_extract(document, '$.sortKey') DESC, id ASC LIMIT ?`,
    )
    .pluck();
  const server = Fastify({ logger: false });
  server.get<{ Params: { acct: string } }>('/bare/:acct/balance', async (request, reply) => {
    const document = balance.get(request.params.acct) as string | undefined;
    return reply.type('application/json').send(document ?? '{}');
  });
  server.get<{ Params: { acct: string }; Querystring: { limit?: string } }>('/bare/:acct/payments', async (request, reply) => {
    const rows = payments.all(request.params.acct, Number(request.query.limit ?? 25) + 1) as string[];
    return reply.type('application/json').send(`{"items":[${rows.slice(0, -1).join(',')}]}`);
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return (server.server.address() as { port: number }).port;
};

const main = async (): Promise<void> => {
  const [mode, dataDir, secret] = process.argv.slice(2);
  const port = mode === 'bare' ? await startBare(dataDir) : await startApp(dataDir, secret);
  process.send?.({ port });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
