import { Provider } from '@nestjs/common';
import { CancelAutoPayHandler } from './cancel-autopay/cancel-autopay.handler';
import { CancelPaymentHandler } from './cancel-payment/cancel-payment.handler';
import { CancelTextPayHandler } from './cancel-text-pay/cancel-text-pay.handler';
import { ChargeFeeHandler } from './charge-fee/charge-fee.handler';
import { EnrollAutoPayHandler } from './enroll-autopay/enroll-autopay.handler';
import { EnrollTextPayHandler } from './enroll-text-pay/enroll-text-pay.handler';
import { OpenLoanHandler } from './open-loan/open-loan.handler';
import { RecordExternalPaymentHandler } from './record-external-payment/record-external-payment.handler';
import { RecordLienReleasedHandler } from './record-lien-released/record-lien-released.handler';
import { RecordOverpaymentRefundHandler } from './record-overpayment-refund/record-overpayment-refund.handler';
import { RecordTitleDeliveredHandler } from './record-title-delivered/record-title-delivered.handler';
import { RecordTitleMailedHandler } from './record-title-mailed/record-title-mailed.handler';
import { ReturnPaymentHandler } from './return-payment/return-payment.handler';
import { SchedulePaymentHandler } from './schedule-payment/schedule-payment.handler';
import { SettlePaymentHandler } from './settle-payment/settle-payment.handler';
import { WaiveFeeHandler } from './waive-fee/waive-fee.handler';

/** Every loan command handler, for a module's `providers` (with LoanStreams and the FUNDING_SOURCES port). */
export const LOAN_COMMAND_HANDLERS: Provider[] = [
  OpenLoanHandler,
  SchedulePaymentHandler,
  CancelPaymentHandler,
  SettlePaymentHandler,
  ReturnPaymentHandler,
  RecordExternalPaymentHandler,
  ChargeFeeHandler,
  WaiveFeeHandler,
  EnrollAutoPayHandler,
  CancelAutoPayHandler,
  EnrollTextPayHandler,
  CancelTextPayHandler,
  RecordLienReleasedHandler,
  RecordTitleMailedHandler,
  RecordTitleDeliveredHandler,
  RecordOverpaymentRefundHandler,
];
