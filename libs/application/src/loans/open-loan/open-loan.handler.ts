import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Apr, Money, OpenLoan, parseAccountNumber, parseBusinessDate } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { OpenLoanCommand } from './open-loan.command';

/** Opens a loan on a new stream; the decider checks the ranges of "Opening a loan". */
@CommandHandler(OpenLoanCommand)
export class OpenLoanHandler implements ICommandHandler<OpenLoanCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: OpenLoanCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const command: OpenLoan = {
      type: 'OpenLoan',
      data: {
        accountNumber,
        customerId: input.customerId,
        vehicle: { ...input.vehicle },
        principal: Money.parse(input.principal, 'principal'),
        apr: Apr.parse(input.apr),
        termMonths: input.termMonths,
        originationDate: parseBusinessDate(input.originationDate, 'originationDate'),
        firstPaymentDate: parseBusinessDate(input.firstPaymentDate, 'firstPaymentDate'),
        titleState: input.titleState,
      },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
