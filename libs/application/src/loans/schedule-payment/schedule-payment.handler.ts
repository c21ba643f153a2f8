import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Money,
  SchedulePayment,
  loanStreamId,
  parseAccountNumber,
  parseBusinessDate,
  parsePaymentId,
} from '@ledger/domain';
import { newEntityId } from '../entity-id';
import { FUNDING_SOURCES, FundingSources, fundingReference, fundingSourceOf } from '../funding-sources.port';
import { LoanStreams } from '../loan-streams';
import { PaymentCommandResult, SchedulePaymentCommand } from './schedule-payment.command';

/**
 * Seals the bank account in the vault first, so only its id and last 4 digits reach the command
 * and the event. A refused payment leaves an unused sealed record: harmless, and never shown.
 */
@CommandHandler(SchedulePaymentCommand)
export class SchedulePaymentHandler implements ICommandHandler<SchedulePaymentCommand, PaymentCommandResult> {
  constructor(
    private readonly loans: LoanStreams,
    @Inject(FUNDING_SOURCES) private readonly fundingSources: FundingSources,
  ) {}

  async execute({ input, metadata }: SchedulePaymentCommand): Promise<PaymentCommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const paymentId = parsePaymentId(
      input.paymentId ?? newEntityId('payment', loanStreamId(accountNumber), metadata),
    );
    const amount = Money.parse(input.amount, 'amount');
    const scheduledFor = parseBusinessDate(input.scheduledFor, 'scheduledFor');
    const fundingSource = fundingReference(await fundingSourceOf(this.fundingSources, input.fundingSource));
    const command: SchedulePayment = {
      type: 'SchedulePayment',
      data: { paymentId, amount, scheduledFor, fundingSource },
    };
    return { ...(await this.loans.decide(accountNumber, command, metadata)), paymentId };
  }
}
