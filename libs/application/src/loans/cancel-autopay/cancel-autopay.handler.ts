import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CancelAutoPay, parseAccountNumber } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { CancelAutoPayCommand } from './cancel-autopay.command';

/** Ends AutoPay; a draft already at the bank settles or returns as usual. */
@CommandHandler(CancelAutoPayCommand)
export class CancelAutoPayHandler implements ICommandHandler<CancelAutoPayCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: CancelAutoPayCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const command: CancelAutoPay = { type: 'CancelAutoPay', data: {} };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
