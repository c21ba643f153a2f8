import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** LinkVehicle as the border validated it; the decider checks every field again. */
export interface LinkVehicleInput {
  readonly customerId: string;
  readonly ssn: string;
  /** Exactly one of vin and accountNumber names the loan. */
  readonly vin?: string;
  readonly accountNumber?: string;
}

/** Add a vehicle loan to the profile, proven by the borrower's SSN (POST /v1/customers/{id}/vehicles). */
export class LinkVehicleCommand extends Command<CommandResult> {
  constructor(
    readonly input: LinkVehicleInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
