import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RegisterCustomer, parseCustomerId, parseSsnFormat } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { CustomerStreams } from '../customer-streams';
import { hashSsn } from '../ssn-hash';
import { RegisterCustomerCommand } from './register-customer.command';

/** Registers a customer with a salted hash of the SSN; the SSN itself goes no further than this. */
@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand, CommandResult> {
  constructor(private readonly customers: CustomerStreams) {}

  async execute({ input, metadata }: RegisterCustomerCommand): Promise<CommandResult> {
    const customerId = parseCustomerId(input.customerId);
    const ssnHash = await hashSsn(parseSsnFormat(input.ssn));
    const { name, email, mobile } = input;
    const command: RegisterCustomer = {
      type: 'RegisterCustomer',
      data: { customerId, name, email, mobile, ssnHash },
    };
    return this.customers.decide(customerId, command, metadata);
  }
}
