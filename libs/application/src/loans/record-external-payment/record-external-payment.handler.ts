import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Money,
  RecordExternalPayment,
  loanStreamId,
  parseAccountNumber,
  parseBusinessDate,
  parsePaymentId,
} from '@ledger/domain';
import { LoanStreams } from '../loan-streams';
import { RecordExternalPaymentCommand } from './record-external-payment.command';
import { newEntityId } from '../entity-id';
import { PaymentCommandResult } from '../schedule-payment/schedule-payment.command';

/** Settles funds already received through an external channel at once, with their third-party fee. */
@CommandHandler(RecordExternalPaymentCommand)
export class RecordExternalPaymentHandler implements ICommandHandler<
  RecordExternalPaymentCommand,
  PaymentCommandResult
> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: RecordExternalPaymentCommand): Promise<PaymentCommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const paymentId = parsePaymentId(
      input.paymentId ?? newEntityId('payment', loanStreamId(accountNumber), metadata),
    );
    const command: RecordExternalPayment = {
      type: 'RecordExternalPayment',
      data: {
        paymentId,
        channel: input.channel,
        amount: Money.parse(input.amount, 'amount'),
        receivedOn: parseBusinessDate(input.receivedOn, 'receivedOn'),
        ...(input.agentFee === undefined ? {} : { agentFee: Money.parse(input.agentFee, 'agentFee') }),
      },
    };
    return { ...(await this.loans.decide(accountNumber, command, metadata)), paymentId };
  }
}
