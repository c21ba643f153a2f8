import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';
import { FundingSourceInput } from '../funding-sources.port';

/** EnrollTextPay as the border validated it: amounts and dates are still the client's strings. */
export interface EnrollTextPayInput {
  readonly accountNumber: string;
  /** The funding account reminders offer to debit; without one the loan is not eligible. */
  readonly fundingSource?: FundingSourceInput;
}

/** Enrol in pay by text with the borrower's mobile from the customer profile (PUT /v1/loans/{acct}/text-pay). */
export class EnrollTextPayCommand extends Command<CommandResult> {
  constructor(
    readonly input: EnrollTextPayInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
