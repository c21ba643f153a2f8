import { Module } from '@nestjs/common';
import { CustomerQueriesController } from './customer-queries.controller';

/** GET /v1/customers/{id}/... over the read models; relies on the global ReadModelsModule. */
@Module({ controllers: [CustomerQueriesController] })
export class CustomerQueriesModule {}
