import { Module } from '@nestjs/common';
import { LoanQueriesController } from './loan-queries.controller';

/**
 * GET /v1/loans/{acct}/... over the read models. Relies on the global ReadModelsModule
 * (READ_STORE, PROJECTION_POSITIONS) and on the app's BUSINESS_DATE binding.
 */
@Module({ controllers: [LoanQueriesController] })
export class LoanQueriesModule {}
