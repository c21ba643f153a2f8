import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** ReturnPayment as the border validated it: amounts and dates are still the client's strings. */
export interface ReturnPaymentInput {
  readonly accountNumber: string;
  readonly paymentId: string;
  /** A NACHA return code, R01 to R99. */
  readonly returnCode: string;
  readonly returnedOn: string;
}

/** The bank's callback: a settled debit came back (POST /v1/loans/{acct}/payments/{paymentId}/return). */
export class ReturnPaymentCommand extends Command<CommandResult> {
  constructor(
    readonly input: ReturnPaymentInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
