import { DynamicModule, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { LedgerConfig } from '@ledger/config';
import { BorderStorage } from './border-storage';
import { CLOCK, Clock, SystemClock } from './clock/clock';
import { ApiKeyGuard } from './http/auth/api-key.guard';
import { ApiKeyRegistry } from './http/auth/api-key-registry';
import { IdempotencyInterceptor } from './http/idempotency/idempotency.interceptor';
import { IDEMPOTENCY_STORE } from './http/idempotency/idempotency-store.port';
import { HealthChecks } from './http/observability/health-checks';
import { HttpMetrics } from './http/observability/http-metrics';
import { ObservabilityController } from './http/observability/observability.controller';
import { ProblemDetailsFilter } from './http/problem-details/problem-details.filter';
import { createValidationPipe } from './http/validation/validation.pipe';
import { LEDGER_LOGGER, LedgerLogger } from './logging/ledger-logger';
import { EventStoreModule } from '@ledger/event-store';
import { CustomerCommandsModule } from './customers/customer-commands.module';
import { CustomerQueriesModule } from './customers/customer-queries.module';
import { LoanCommandsModule } from './loans/loan-commands.module';
import { LoanQueriesModule } from './loans/loan-queries.module';
import { AuditModule } from './audit/audit.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { ServicingModule } from './operations/servicing.module';
import { servicingOptionsFromEnvironment, ServicingOptions } from './operations/servicing.options';
import { readModelsOptionsFromEnvironment, ReadModelsOptions } from './read-models/read-models.options';
import { EncryptingFundingSourceVault } from './vault/encrypting-funding-source-vault';
import { FUNDING_SOURCE_VAULT } from './vault/funding-source-vault.port';

/** Nest token of the LedgerConfig. */
export const LEDGER_CONFIG = Symbol('LedgerConfig');

/** What tests (and later modules) may add or replace when building the app. */
export interface LedgerAppOverrides {
  readonly clock?: Clock;
  readonly logger?: LedgerLogger;
  readonly controllers?: Type[];
  readonly imports?: ModuleMetadata['imports'];
  readonly providers?: Provider[];
  /** The read side's wiring; default from LEDGER_PROJECTOR (embedded projector, 5 s read-your-writes). */
  readonly readModels?: ReadModelsOptions;
  /** The servicing processes; default from LEDGER_DAILY_CYCLE (the scheduler is on unless 'off'). */
  readonly servicing?: ServicingOptions;
}

/**
 * The ledger API: the HTTP border (auth, validation, idempotency, problem details, observability)
 * and the vault. The loan and customer modules will be added to `imports`.
 */
@Module({})
export class LedgerApiModule {
  static forRoot(config: LedgerConfig, logger: LedgerLogger, overrides: LedgerAppOverrides = {}): DynamicModule {
    const clock = overrides.clock ?? new SystemClock();
    return {
      module: LedgerApiModule,
      global: true,
      imports: [
        EventStoreModule.forRoot(config),
        LoanCommandsModule.forRoot(config),
        CustomerCommandsModule,
        ReadModelsModule.forRoot(config, overrides.readModels ?? readModelsOptionsFromEnvironment()),
        LoanQueriesModule,
        CustomerQueriesModule,
        AuditModule,
        ServicingModule.forRoot(config, overrides.servicing ?? servicingOptionsFromEnvironment()),
        ...(overrides.imports ?? []),
      ],
      controllers: [ObservabilityController, ...(overrides.controllers ?? [])],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: LEDGER_LOGGER, useValue: logger },
        { provide: ApiKeyRegistry, useValue: new ApiKeyRegistry(config.apiKeys) },
        { provide: HttpMetrics, useValue: new HttpMetrics() },
        HealthChecks,
        { provide: BorderStorage, useFactory: () => BorderStorage.open(config, new Date(clock.now()).toISOString()) },
        { provide: IDEMPOTENCY_STORE, useFactory: (storage: BorderStorage) => storage.idempotency, inject: [BorderStorage] },
        {
          provide: FUNDING_SOURCE_VAULT,
          useFactory: (storage: BorderStorage) =>
            new EncryptingFundingSourceVault(storage.sealedFundingSources, config.vaultKey, () => clock.now()),
          inject: [BorderStorage],
        },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        ...(overrides.providers ?? []),
      ],
      exports: [LEDGER_CONFIG, CLOCK, LEDGER_LOGGER, HealthChecks, HttpMetrics, IDEMPOTENCY_STORE, FUNDING_SOURCE_VAULT],
    };
  }
}
