import { Body, Controller, Get, Post } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadLedgerConfig } from '@ledger/config';
import { ruleViolated } from '@ledger/domain';
import { SettableClock } from '../src/clock/clock';
import { createLedgerApp } from '../src/create-ledger-app';
import { RequiredScope } from '../src/http/auth/required-scope.decorator';
import { IDEMPOTENCY_STORE, IdempotencyStore } from '../src/http/idempotency/idempotency-store.port';
import { HealthChecks } from '../src/http/observability/health-checks';
import { IsBusinessDateString, IsMoneyString, IsUsMobileE164, IsVin } from '../src/http/validation/ledger-validators';
import { createLedgerLogger } from '../src/logging/ledger-logger';

class VehicleRequest {
  @IsVin() vin!: string;
}
class EchoRequest {
  @IsMoneyString({ positive: true }) amount!: string;
  @IsBusinessDateString() scheduledFor!: string;
  @ValidateNested() @Type(() => VehicleRequest) vehicle!: VehicleRequest;
  @IsOptional() @IsUsMobileE164() mobile?: string;
}

/** Lets a test hold a command open to provoke a concurrent duplicate. */
const commands = { runs: 0, gate: Promise.resolve() };

@Controller('v1/test')
class TestController {
  @Post('echo')
  @RequiredScope('commands')
  async echo(@Body() body: EchoRequest): Promise<unknown> {
    await commands.gate;
    commands.runs += 1;
    return { received: body, run: commands.runs, amountType: typeof body.amount };
  }

  @Post('refuse')
  @RequiredScope('commands')
  refuse(): never {
    commands.runs += 1;
    throw ruleViolated('PAYMENT_ALREADY_SUBMITTED', 'The payment was already submitted');
  }

  @Get('read')
  @RequiredScope('queries')
  read(): unknown {
    return { ok: true };
  }

  @Get('boom')
  @RequiredScope('queries')
  boom(): never {
    throw new Error('database password is hunter2');
  }
}

const WRITER = 'writer-secret-0123456789';
const READER = 'reader-secret-0123456789';
const valid = { amount: '125.50', scheduledFor: '2026-03-02', vehicle: { vin: '1M8GDM9AXKP042788' } };

describe('the HTTP border', () => {
  let app: NestFastifyApplication;
  let dataDir: string;
  let store: IdempotencyStore;
  const http = () => request(app.getHttpServer());
  const post = (path: string, key?: string) => {
    const call = http().post(path).set('Authorization', `Bearer ${WRITER}`);
    return key === undefined ? call : call.set('Idempotency-Key', key);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    const config = loadLedgerConfig({
      LEDGER_DATA_DIR: dataDir,
      LEDGER_API_KEYS: `writer:${WRITER}:commands;reader:${READER}:queries`,
      LEDGER_VAULT_KEY: 'ab'.repeat(32),
    });
    app = await createLedgerApp(config, {
      clock: new SettableClock('2026-03-01T12:00:00.000Z'),
      logger: createLedgerLogger({ level: 'silent' }),
      controllers: [TestController],
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    store = app.get(IDEMPOTENCY_STORE);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    commands.runs = 0;
    commands.gate = Promise.resolve();
  });

  describe('authentication', () => {
    it('answers 401 with a challenge when no key is sent', async () => {
      const response = await http().post('/v1/test/echo').send(valid).expect(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.body).toMatchObject({ status: 401, reason: 'API_KEY_MISSING', instance: '/v1/test/echo' });
    });

    it('answers 401 for an unknown key', async () => {
      const response = await http().get('/v1/test/read').set('Authorization', 'Bearer not-a-key').expect(401);
      expect(response.body.reason).toBe('API_KEY_UNKNOWN');
    });

    it('answers 403 when the key lacks the scope', async () => {
      const response = await http().post('/v1/test/echo').set('Authorization', `Bearer ${READER}`).send(valid).expect(403);
      expect(response.body.reason).toBe('SCOPE_MISSING');
      await http().get('/v1/test/read').set('Authorization', `Bearer ${WRITER}`).expect(403);
    });

    it('lets a key with the scope through', async () => {
      await http().get('/v1/test/read').set('Authorization', `Bearer ${READER}`).expect(200, { ok: true });
    });
  });

  describe('validation', () => {
    it('names every invalid field, nested ones by path', async () => {
      const body = { amount: 12.5, scheduledFor: '2026-02-30', vehicle: { vin: '1M8GDM9A1KP042788' }, extra: 1 };
      const response = await post('/v1/test/echo').send(body).expect(400);
      expect(response.body).toMatchObject({ reason: 'VALIDATION_FAILED', type: 'https://ledger.example/problems/validation-failed' });
      const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
      expect(fields).toEqual(['amount', 'extra', 'scheduledFor', 'vehicle.vin']);
    });

    it('keeps amounts as the strings the client sent', async () => {
      const response = await post('/v1/test/echo').send(valid).expect(201);
      expect(response.body).toMatchObject({ amountType: 'string', received: { amount: '125.50' } });
    });

    it('never answers 500 for an unexpected body shape', async () => {
      await post('/v1/test/echo').send([1, 2]).expect(400);
      await post('/v1/test/echo').set('Content-Type', 'application/json').send('null').expect(400);
    });
  });

  describe('the body parser', () => {
    it('answers 413 for a 65 KiB body', async () => {
      const response = await post('/v1/test/echo').send({ ...valid, pad: 'x'.repeat(65 * 1024) }).expect(413);
      expect(response.body).toMatchObject({ reason: 'BODY_TOO_LARGE', status: 413 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('answers 400 for a duplicate key, naming it', async () => {
      const text = '{"amount":"1.00","amount":"999.00","scheduledFor":"2026-03-02","vehicle":{"vin":"1M8GDM9AXKP042788"}}';
      const response = await post('/v1/test/echo').set('Content-Type', 'application/json').send(text).expect(400);
      expect(response.body).toMatchObject({ reason: 'DUPLICATE_KEY', detail: expect.stringContaining('"amount"') });
    });

    it('answers 400 for a __proto__ key', async () => {
      const text = '{"amount":"1.00","vehicle":{"__proto__":{"isAdmin":true}}}';
      const response = await post('/v1/test/echo').set('Content-Type', 'application/json').send(text).expect(400);
      expect(response.body).toMatchObject({ reason: 'FORBIDDEN_KEY', detail: expect.stringContaining('vehicle.__proto__') });
    });

    it('answers 400 for malformed JSON', async () => {
      const response = await post('/v1/test/echo').set('Content-Type', 'application/json').send('{"amount":').expect(400);
      expect(response.body.reason).toBe('INVALID_JSON');
    });

    it('answers 415 for a body that is not JSON', async () => {
      const response = await post('/v1/test/echo').set('Content-Type', 'text/plain').send('amount=1').expect(415);
      expect(response.body.reason).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('idempotency', () => {
    it('replays the first response for the same key and body, without running the command again', async () => {
      const first = await post('/v1/test/echo', 'replay-1').send(valid).expect(201);
      const second = await post('/v1/test/echo', 'replay-1').send(valid).expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(commands.runs).toBe(1);
    });

    it('answers 422 when the key is reused with another body', async () => {
      await post('/v1/test/echo', 'reuse-1').send(valid).expect(201);
      const response = await post('/v1/test/echo', 'reuse-1').send({ ...valid, amount: '999.00' }).expect(422);
      expect(response.body.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('answers 409 to a duplicate sent while the first is still running', async () => {
      let open = () => undefined as void;
      commands.gate = new Promise<void>((resolve) => (open = resolve));
      const first = post('/v1/test/echo', 'concurrent-1').send(valid).then((response) => response);
      await waitFor(async () => (await store.find('writer POST /v1/test/echo', 'concurrent-1')) !== undefined);
      const duplicate = await post('/v1/test/echo', 'concurrent-1').send(valid).expect(409);
      expect(duplicate.body.reason).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
      open();
      expect((await first).status).toBe(201);
    });

    it('stores nothing for a request that failed validation, so a corrected retry runs', async () => {
      await post('/v1/test/echo', 'invalid-1').send({ ...valid, amount: '-1' }).expect(400);
      expect(await store.find('writer POST /v1/test/echo', 'invalid-1')).toBeUndefined();
      await post('/v1/test/echo', 'invalid-1').send(valid).expect(201);
    });

    it('stores a business-rule refusal and replays it', async () => {
      const first = await post('/v1/test/refuse', 'refuse-1').expect(409);
      const again = await post('/v1/test/refuse', 'refuse-1').expect(409);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(first.body.reason).toBe('PAYMENT_ALREADY_SUBMITTED');
      expect(commands.runs).toBe(1);
    });

    it('answers 400 for an invalid key', async () => {
      const response = await post('/v1/test/echo', 'x'.repeat(256)).send(valid).expect(400);
      expect(response.body.reason).toBe('IDEMPOTENCY_KEY_INVALID');
    });
  });

  describe('errors', () => {
    it('answers 404 problem details for an unknown route', async () => {
      const response = await http().get('/v1/nowhere').set('Authorization', `Bearer ${READER}`).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('hides the detail of an unexpected error', async () => {
      const response = await http().get('/v1/test/boom').set('Authorization', `Bearer ${READER}`).expect(500);
      expect(response.body).toMatchObject({ reason: 'INTERNAL_ERROR' });
      expect(JSON.stringify(response.body)).not.toContain('hunter2');
    });
  });

  describe('operations endpoints', () => {
    it('answers /health without a key', async () => {
      const response = await http().get('/health').expect(200);
      expect(response.body.status).toBe('ok');
      expect(response.body.checks.filter((check: { status: string }) => check.status !== 'ok')).toEqual([]);
    });

    it('answers 503 on /health when a registered check fails', async () => {
      app.get(HealthChecks).register('projector-lag', async () => {
        throw new Error('projector is 10 minutes behind');
      });
      const response = await http().get('/health').expect(503);
      expect(response.body.checks.filter((check: { status: string }) => check.status !== 'ok')).toEqual([
        { name: 'projector-lag', status: 'failing', detail: 'projector is 10 minutes behind' },
      ]);
    });

    it('exposes Prometheus metrics with the request histogram by route', async () => {
      const response = await http().get('/metrics').expect(200);
      expect(response.text).toContain('process_cpu_user_seconds_total');
      expect(response.text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/v1\/test\/echo".*status="201"/);
    });

    it('serves the OpenAPI document with bearer auth declared', async () => {
      const response = await http().get('/docs-json').expect(200);
      expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(response.body.paths)).toContain('/v1/test/echo');
      await http().get('/docs').expect(200).expect('Content-Type', /html/);
    });
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never became true');
}
