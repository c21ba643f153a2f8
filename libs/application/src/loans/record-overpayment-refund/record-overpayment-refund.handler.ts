import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Money,
  RecordOverpaymentRefund,
  loanStreamId,
  parseAccountNumber,
  parseBusinessDate,
} from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { LoanStreams } from '../loan-streams';
import { RecordOverpaymentRefundCommand } from './record-overpayment-refund.command';
import { newEntityId } from '../entity-id';

/** Records an overpayment sent back, at most the refund due. */
@CommandHandler(RecordOverpaymentRefundCommand)
export class RecordOverpaymentRefundHandler implements ICommandHandler<
  RecordOverpaymentRefundCommand,
  CommandResult
> {
  constructor(private readonly loans: LoanStreams) {}

  async execute({ input, metadata }: RecordOverpaymentRefundCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const refundId = input.refundId ?? newEntityId('refund', loanStreamId(accountNumber), metadata);
    const command: RecordOverpaymentRefund = {
      type: 'RecordOverpaymentRefund',
      data: {
        refundId,
        amount: Money.parse(input.amount, 'amount'),
        refundedOn: parseBusinessDate(input.refundedOn, 'refundedOn'),
      },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
