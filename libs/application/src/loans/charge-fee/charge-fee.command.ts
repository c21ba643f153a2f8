import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** What charging answers: the command result plus the id to waive the fee by. */
export type FeeCommandResult = CommandResult & { readonly feeId: string };

/** ChargeFee as the border validated it: amounts and dates are still the client's strings. */
export interface ChargeFeeInput {
  readonly accountNumber: string;
  readonly feeId?: string;
  readonly amount: string;
  readonly reason: string;
}

/** Charge a servicer fee of kind OTHER (POST /v1/loans/{acct}/fees). */
export class ChargeFeeCommand extends Command<FeeCommandResult> {
  constructor(
    readonly input: ChargeFeeInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
