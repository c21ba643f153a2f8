import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LinkVehicle, invalidInput, parseCustomerId, parseSsnFormat } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { CustomerStreams } from '../customer-streams';
import { ssnMatchesHash } from '../ssn-hash';
import { LinkVehicleCommand } from './link-vehicle.command';
import { LoanToLinkFinder } from './loan-to-link.finder';

/**
 * Compares the SSN with the profile's salted hash, finds the loan, and lets the decider judge.
 * The loan is looked up only after a matching SSN, so a caller without it learns nothing about
 * which VINs or accounts exist (the decider refuses SSN_MISMATCH first as well).
 */
@CommandHandler(LinkVehicleCommand)
export class LinkVehicleHandler implements ICommandHandler<LinkVehicleCommand, CommandResult> {
  constructor(
    private readonly customers: CustomerStreams,
    private readonly loans: LoanToLinkFinder,
  ) {}

  async execute({ input, metadata }: LinkVehicleCommand): Promise<CommandResult> {
    const customerId = parseCustomerId(input.customerId);
    const ssn = parseSsnFormat(input.ssn);
    if ((input.vin === undefined) === (input.accountNumber === undefined)) {
      throw invalidInput(
        'VEHICLE_IDENTIFIER_REQUIRED',
        'Name the loan by exactly one of vin and accountNumber',
        'vin',
      );
    }
    const customer = await this.customers.load(customerId);
    const ssnMatches = customer.status === 'Registered' && (await ssnMatchesHash(ssn, customer.ssnHash));
    const identifiedBy = input.vin !== undefined ? 'VIN' : 'ACCOUNT_NUMBER';
    const loan = !ssnMatches
      ? null
      : input.vin !== undefined
        ? await this.loans.byVin(input.vin, customerId)
        : await this.loans.byAccountNumber(input.accountNumber ?? '');
    const command: LinkVehicle = {
      type: 'LinkVehicle',
      data: { customerId, ssnMatches, loan, identifiedBy },
    };
    return this.customers.decide(customerId, command, metadata);
  }
}
