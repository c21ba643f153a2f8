import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ChargeFee, Money, loanStreamId, parseAccountNumber, parseFeeId } from '@ledger/domain';
import { LoanStreams } from '../loan-streams';
import { ChargeFeeCommand, FeeCommandResult } from './charge-fee.command';
import { newEntityId } from '../entity-id';

/** Charges a servicer fee of kind OTHER. */
@CommandHandler(ChargeFeeCommand)
export class ChargeFeeHandler implements ICommandHandler<ChargeFeeCommand, FeeCommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: ChargeFeeCommand): Promise<FeeCommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const feeId = parseFeeId(input.feeId ?? newEntityId('fee', loanStreamId(accountNumber), metadata));
    const command: ChargeFee = {
      type: 'ChargeFee',
      data: { feeId, amount: Money.parse(input.amount, 'amount'), reason: input.reason },
    };
    return { ...(await this.loans.decide(accountNumber, command, metadata)), feeId };
  }
}
