import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CUSTOMER_COMMAND_HANDLERS } from '@ledger/application';
import { CustomerCommandsController } from './customer-commands.controller';

/**
 * The customer command side. It relies on LoanCommandsModule (global) for LedgerContext,
 * LoanStreams and CustomerStreams: linking a vehicle reads the loan, enrolling in pay by text reads the customer.
 */
@Module({
  imports: [CqrsModule],
  controllers: [CustomerCommandsController],
  providers: [...CUSTOMER_COMMAND_HANDLERS],
})
export class CustomerCommandsModule {}
