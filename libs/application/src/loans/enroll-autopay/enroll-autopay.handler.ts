import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EnrollAutoPay, Money, parseAccountNumber } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { FUNDING_SOURCES, FundingSources, fundingReference, fundingSourceOf } from '../funding-sources.port';
import { LoanStreams } from '../loan-streams';
import { EnrollAutoPayCommand } from './enroll-autopay.command';

/** Enrols in AutoPay (or updates it) with a funding account sealed in the vault. */
@CommandHandler(EnrollAutoPayCommand)
export class EnrollAutoPayHandler implements ICommandHandler<EnrollAutoPayCommand, CommandResult> {
  constructor(
    private readonly loans: LoanStreams,
    @Inject(FUNDING_SOURCES) private readonly fundingSources: FundingSources,
  ) {}

  async execute({ input, metadata }: EnrollAutoPayCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const onFile = await fundingSourceOf(this.fundingSources, input.fundingSource);
    const command: EnrollAutoPay = {
      type: 'EnrollAutoPay',
      data: {
        fundingSource: fundingReference(onFile),
        routingNumber: onFile.routingNumber,
        amountRule: input.amountRule,
        ...(input.fixedAmount === undefined
          ? {}
          : { fixedAmount: Money.parse(input.fixedAmount, 'fixedAmount') }),
        ...(input.extraPrincipal === undefined
          ? {}
          : { extraPrincipal: Money.parse(input.extraPrincipal, 'extraPrincipal') }),
        ...(input.draftDaysBeforeDue === undefined ? {} : { draftDaysBeforeDue: input.draftDaysBeforeDue }),
      },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
