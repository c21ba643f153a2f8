import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** RecordOverpaymentRefund as the border validated it: amounts and dates are still the client's strings. */
export interface RecordOverpaymentRefundInput {
  readonly accountNumber: string;
  readonly refundId?: string;
  readonly amount: string;
  readonly refundedOn: string;
}

/** Record an overpayment refund sent to the borrower (POST /v1/loans/{acct}/refunds). */
export class RecordOverpaymentRefundCommand extends Command<CommandResult> {
  constructor(
    readonly input: RecordOverpaymentRefundInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
