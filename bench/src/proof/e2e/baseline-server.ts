import { Body, Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import {
  BODY_LIMIT_BYTES,
  registerStrictJsonBody,
} from '../../../../apps/ledger-api/src/http/body/json-body';
import { createValidationPipe } from '../../../../apps/ledger-api/src/http/validation/validation.pipe';
import { SchedulePaymentRequest } from '../../../../apps/ledger-api/src/loans/dto/schedule-payment.request';

/** The same route, body parser and validation as the ledger's schedule-payment command, and nothing behind it. */
@Controller('v1/loans')
class BaselineController {
  @Post(':acct/payments')
  @HttpCode(201)
  schedule(@Param('acct') accountNumber: string, @Body() body: SchedulePaymentRequest): object {
    return {
      streamId: `loan-${accountNumber}`,
      revision: 1,
      position: '1',
      paymentId: body.paymentId ?? randomUUID(),
      events: [{ eventId: randomUUID(), type: 'PaymentScheduled' }],
    };
  }
}

@Module({ controllers: [BaselineController] })
class BaselineModule {}

/**
 * The e2e benchmark's baseline (bench/src/e2e.bench.ts): a bare NestJS + Fastify POST with the
 * ledger's strict JSON parser and validation pipe, no auth, idempotency, store or log. PORT sets the port.
 */
async function main(): Promise<void> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, logger: false });
  const app = await NestFactory.create<NestFastifyApplication>(BaselineModule, adapter, {
    bodyParser: false,
    logger: false,
  });
  registerStrictJsonBody(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(createValidationPipe());
  await app.listen(Number(process.env.PORT ?? '3100'), '127.0.0.1');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`baseline: ${String(error)}\n`);
    process.exit(1);
  });
}
