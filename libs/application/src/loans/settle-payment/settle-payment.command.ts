import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** SettlePayment as the border validated it: amounts and dates are still the client's strings. */
export interface SettlePaymentInput {
  readonly accountNumber: string;
  readonly paymentId: string;
  readonly settledOn: string;
}

/** The bank's callback: a submitted debit settled (POST /v1/loans/{acct}/payments/{paymentId}/settle). */
export class SettlePaymentCommand extends Command<CommandResult> {
  constructor(
    readonly input: SettlePaymentInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
