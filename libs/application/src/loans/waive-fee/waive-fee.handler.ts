import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WaiveFee, parseAccountNumber, parseFeeId } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { WaiveFeeCommand } from './waive-fee.command';

/** Waives the unpaid part of a fee. */
@CommandHandler(WaiveFeeCommand)
export class WaiveFeeHandler implements ICommandHandler<WaiveFeeCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: WaiveFeeCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const command: WaiveFee = {
      type: 'WaiveFee',
      data: { feeId: parseFeeId(input.feeId), reason: input.reason },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
