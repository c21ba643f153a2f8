import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SettlePayment, parseAccountNumber, parseBusinessDate, parsePaymentId } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { SettlePaymentCommand } from './settle-payment.command';

/** Applies a settled debit with the waterfall; a payoff adds LoanPaidOff and the lien release request. */
@CommandHandler(SettlePaymentCommand)
export class SettlePaymentHandler implements ICommandHandler<SettlePaymentCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: SettlePaymentCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const command: SettlePayment = {
      type: 'SettlePayment',
      data: {
        paymentId: parsePaymentId(input.paymentId),
        settledOn: parseBusinessDate(input.settledOn, 'settledOn'),
      },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
