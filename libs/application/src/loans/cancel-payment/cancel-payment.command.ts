import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** CancelPayment as the border validated it: amounts and dates are still the client's strings. */
export interface CancelPaymentInput {
  readonly accountNumber: string;
  readonly paymentId: string;
}

/** Cancel a scheduled payment before it is submitted (POST /v1/loans/{acct}/payments/{paymentId}/cancel). */
export class CancelPaymentCommand extends Command<CommandResult> {
  constructor(
    readonly input: CancelPaymentInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
