import { Command } from '@nestjs/cqrs';
import { AutoPayAmountRule } from '@ledger/domain';
import { CommandMetadata, CommandResult } from '../../command-result';
import { FundingSourceInput } from '../funding-sources.port';

/** EnrollAutoPay as the border validated it: amounts and dates are still the client's strings. */
export interface EnrollAutoPayInput {
  readonly accountNumber: string;
  readonly fundingSource: FundingSourceInput;
  readonly amountRule: AutoPayAmountRule;
  readonly fixedAmount?: string;
  readonly extraPrincipal?: string;
  readonly draftDaysBeforeDue?: number;
}

/** Enrol in AutoPay or change its settings (PUT /v1/loans/{acct}/autopay). */
export class EnrollAutoPayCommand extends Command<CommandResult> {
  constructor(
    readonly input: EnrollAutoPayInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
