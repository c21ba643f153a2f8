import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';
import { FundingSourceInput } from '../funding-sources.port';

/** A one-time ONLINE debit; `paymentId` is derived when the client names none. */
export interface SchedulePaymentInput {
  readonly accountNumber: string;
  readonly paymentId?: string;
  readonly amount: string;
  readonly scheduledFor: string;
  readonly fundingSource: FundingSourceInput;
}

/** What scheduling answers: the command result plus the id to cancel or track the payment by. */
export type PaymentCommandResult = CommandResult & { readonly paymentId: string };

/** Schedule a one-time payment (POST /v1/loans/{acct}/payments). */
export class SchedulePaymentCommand extends Command<PaymentCommandResult> {
  constructor(
    readonly input: SchedulePaymentInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
