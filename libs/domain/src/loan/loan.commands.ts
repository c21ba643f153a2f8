import { BusinessDate } from '../calendar/business-date';
import { Instant } from '../calendar/instant';
import { Apr } from '../money/apr';
import { Money } from '../money/money';
import { AutoPayAmountRule, ExternalPaymentChannel } from './loan.events';
import { AccountNumber, FeeId, PaymentId } from './loan.ids';

/*
 * Commands are imperative and already parsed (Money, Apr, BusinessDate, branded ids): the HTTP
 * border turns JSON into these. Facts the loan stream cannot know (a verified mobile number, a
 * funding account in the vault) arrive inside the command.
 */

/** When and as of which business date a command is decided. */
export interface LoanContext {
  businessDate: BusinessDate;
  now: Instant;
}

/** A funding bank account kept in the vault; events only carry its id and last 4 digits. */
export interface FundingSource {
  fundingSourceId: string;
  fundingLast4: string;
}

/** NACHA return reason codes R01 to R99 (R01 insufficient funds, R02 account closed, ...). */
export type NachaReturnCode = `R${'0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'}${'0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'}`;
export const isNachaReturnCode = (code: string): code is NachaReturnCode => /^R(0[1-9]|[1-9][0-9])$/.test(code);

export type OpenLoan = {
  type: 'OpenLoan';
  data: {
    accountNumber: AccountNumber; customerId: string;
    vehicle: { vin: string; year: number; make: string; model: string };
    principal: Money; apr: Apr; termMonths: number;
    originationDate: BusinessDate; firstPaymentDate: BusinessDate; titleState: string;
  };
};
export type SchedulePayment = {
  type: 'SchedulePayment';
  data: { paymentId: PaymentId; amount: Money; scheduledFor: BusinessDate; fundingSource: FundingSource };
};
export type CancelPayment = { type: 'CancelPayment'; data: { paymentId: PaymentId } };
export type SubmitPayment = { type: 'SubmitPayment'; data: { paymentId: PaymentId } };
export type SettlePayment = { type: 'SettlePayment'; data: { paymentId: PaymentId; settledOn: BusinessDate } };
export type ReturnPayment = {
  type: 'ReturnPayment';
  data: { paymentId: PaymentId; returnCode: NachaReturnCode; returnedOn: BusinessDate };
};
export type RecordExternalPayment = {
  type: 'RecordExternalPayment';
  /** `agentFee` is what a MONEYGRAM or WESTERN_UNION agent charged; other channels carry none. */
  data: { paymentId: PaymentId; channel: ExternalPaymentChannel; amount: Money; receivedOn: BusinessDate; agentFee?: Money };
};
export type ChargeFee = { type: 'ChargeFee'; data: { feeId: FeeId; amount: Money; reason: string } };
export type WaiveFee = { type: 'WaiveFee'; data: { feeId: FeeId; reason: string } };
export type EnrollAutoPay = {
  type: 'EnrollAutoPay';
  data: {
    fundingSource: FundingSource; routingNumber: string; amountRule: AutoPayAmountRule;
    fixedAmount?: Money; extraPrincipal?: Money; draftDaysBeforeDue?: number;
  };
};
export type CancelAutoPay = { type: 'CancelAutoPay'; data: Record<string, never> };
export type EnrollTextPay = {
  type: 'EnrollTextPay';
  /** Verification and opt-in live on the customer profile; the caller reads them into the command. */
  data: { mobileNumber: string; mobileVerified: boolean; textAlertsOptedIn: boolean; fundingSource: FundingSource | null };
};
export type CancelTextPay = { type: 'CancelTextPay'; data: Record<string, never> };
export type ReplyToText = { type: 'ReplyToText'; data: { from: string; body: string; paymentId: PaymentId } };
export type RunServicingDay = { type: 'RunServicingDay'; data: { date: BusinessDate } };
export type RecordLienReleased = { type: 'RecordLienReleased'; data: { releasedOn: BusinessDate } };
export type RecordTitleMailed = {
  type: 'RecordTitleMailed';
  data: { carrier: string; trackingNumber: string; mailedOn: BusinessDate };
};
export type RecordTitleDelivered = { type: 'RecordTitleDelivered'; data: { deliveredOn: BusinessDate } };
export type RecordOverpaymentRefund = {
  type: 'RecordOverpaymentRefund';
  data: { refundId: string; amount: Money; refundedOn: BusinessDate };
};

export type LoanCommand =
  | OpenLoan | SchedulePayment | CancelPayment | SubmitPayment | SettlePayment | ReturnPayment
  | RecordExternalPayment | ChargeFee | WaiveFee | EnrollAutoPay | CancelAutoPay | EnrollTextPay
  | CancelTextPay | ReplyToText | RunServicingDay | RecordLienReleased | RecordTitleMailed
  | RecordTitleDelivered | RecordOverpaymentRefund;

export type LoanCommandType = LoanCommand['type'];
