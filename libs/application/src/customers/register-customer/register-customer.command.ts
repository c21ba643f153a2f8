import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../command-result';

/** RegisterCustomer as the border validated it; the decider checks every field again. */
export interface RegisterCustomerInput {
  readonly customerId: string;
  readonly name: string;
  readonly email: string;
  readonly mobile: string;
  readonly ssn: string;
}

/** Register a customer (POST /v1/customers). The SSN lives in memory only until it is hashed. */
export class RegisterCustomerCommand extends Command<CommandResult> {
  constructor(
    readonly input: RegisterCustomerInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
