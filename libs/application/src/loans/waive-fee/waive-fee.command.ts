import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** WaiveFee as the border validated it: amounts and dates are still the client's strings. */
export interface WaiveFeeInput {
  readonly accountNumber: string;
  readonly feeId: string;
  readonly reason: string;
}

/** Waive what is unpaid of a fee (POST /v1/loans/{acct}/fees/{feeId}/waive). */
export class WaiveFeeCommand extends Command<CommandResult> {
  constructor(
    readonly input: WaiveFeeInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
