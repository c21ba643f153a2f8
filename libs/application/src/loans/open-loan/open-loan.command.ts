import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** OpenLoan as the border validated it: amounts, rates and dates are still the client's strings. */
export interface OpenLoanInput {
  readonly accountNumber: string;
  readonly customerId: string;
  readonly vehicle: {
    readonly vin: string;
    readonly year: number;
    readonly make: string;
    readonly model: string;
  };
  readonly principal: string;
  readonly apr: string;
  readonly termMonths: number;
  readonly originationDate: string;
  readonly firstPaymentDate: string;
  readonly titleState: string;
}

/** Open a loan (POST /v1/loans). */
export class OpenLoanCommand extends Command<CommandResult> {
  constructor(
    readonly input: OpenLoanInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
