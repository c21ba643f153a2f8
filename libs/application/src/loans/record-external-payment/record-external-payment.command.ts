import { Command } from '@nestjs/cqrs';
import { ExternalPaymentChannel } from '@ledger/domain';
import { CommandMetadata } from '../../command-result';
import { PaymentCommandResult } from '../schedule-payment/schedule-payment.command';

/** RecordExternalPayment as the border validated it: amounts and dates are still the client's strings. */
export interface RecordExternalPaymentInput {
  readonly accountNumber: string;
  readonly paymentId?: string;
  readonly channel: ExternalPaymentChannel;
  readonly amount: string;
  readonly receivedOn: string;
  /** What a MONEYGRAM or WESTERN_UNION agent charged the borrower. */
  readonly agentFee?: string;
}

/** Record funds received through an external channel (POST /v1/loans/{acct}/external-payments). */
export class RecordExternalPaymentCommand extends Command<PaymentCommandResult> {
  constructor(
    readonly input: RecordExternalPaymentInput,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
