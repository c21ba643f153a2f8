import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CancelPayment, parseAccountNumber, parsePaymentId } from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { CancelPaymentCommand } from './cancel-payment.command';

/** Cancels a scheduled payment; a submitted one is refused (PAYMENT_ALREADY_SUBMITTED, 409). */
@CommandHandler(CancelPaymentCommand)
export class CancelPaymentHandler implements ICommandHandler<CancelPaymentCommand, CommandResult> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: CancelPaymentCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const command: CancelPayment = {
      type: 'CancelPayment',
      data: { paymentId: parsePaymentId(input.paymentId) },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
