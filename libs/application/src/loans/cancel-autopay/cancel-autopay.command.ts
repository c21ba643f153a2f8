import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** CancelAutoPay as the border validated it: amounts and dates are still the client's strings. */
export interface CancelAutoPayInput {
  readonly accountNumber: string;
}

/** End AutoPay (DELETE /v1/loans/{acct}/autopay). */
export class CancelAutoPayCommand extends Command<CommandResult> {
  constructor(
    readonly input: CancelAutoPayInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
