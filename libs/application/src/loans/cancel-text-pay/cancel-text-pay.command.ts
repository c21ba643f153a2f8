import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** CancelTextPay as the border validated it: amounts and dates are still the client's strings. */
export interface CancelTextPayInput {
  readonly accountNumber: string;
}

/** End pay by text (DELETE /v1/loans/{acct}/text-pay). */
export class CancelTextPayCommand extends Command<CommandResult> {
  constructor(
    readonly input: CancelTextPayInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
