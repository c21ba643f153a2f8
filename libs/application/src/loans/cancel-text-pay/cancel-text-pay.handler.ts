import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CancelTextPay, parseAccountNumber } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { CancelTextPayCommand } from './cancel-text-pay.command';

/** Ends pay by text at the borrower's request. */
@CommandHandler(CancelTextPayCommand)
export class CancelTextPayHandler implements ICommandHandler<CancelTextPayCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: CancelTextPayCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const command: CancelTextPay = { type: 'CancelTextPay', data: {} };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
