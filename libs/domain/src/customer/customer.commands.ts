import { BusinessDate } from '../calendar/business-date';
import { Instant } from '../calendar/instant';
import { AlertPreferences } from './alert-preferences';
import { CreditBureau } from './credit-score';
import { CustomerId } from './customer-id';
import { VehicleIdentifiedBy } from './customer.events';

/**
 * What a customer stream can be asked to do. Ids are parsed before a command exists (the stream
 * name comes from the id); every other field is validated again by `decide`, whatever the border
 * checked, so no path into the stream (HTTP, CLI, a test) skips a check. Commands are imperative, events past tense.
 */

/** Register a customer. `ssnHash` is the application's salted hash of the SSN, never the SSN. */
export interface RegisterCustomer {
  readonly type: 'RegisterCustomer';
  readonly data: {
    readonly customerId: CustomerId;
    readonly name: string;
    readonly email: string;
    readonly mobile: string;
    readonly ssnHash: string;
  };
}

/**
 * Change contact details. Omitted fields keep their value. A new mobile number is unverified
 * unless `mobileVerified` says otherwise; `mobileVerified: true` is the application's word that
 * the customer proved they hold the number (e.g. a one-time code sent to it).
 */
export interface UpdateContactDetails {
  readonly type: 'UpdateContactDetails';
  readonly data: {
    readonly customerId: CustomerId;
    readonly email?: string;
    readonly mobile?: string;
    readonly mobileVerified?: boolean;
  };
}

/** Replace the alert preferences as a whole (PUT): every kind, each by email and by text. */
export interface UpdateAlertPreferences {
  readonly type: 'UpdateAlertPreferences';
  readonly data: { readonly customerId: CustomerId; readonly preferences: AlertPreferences };
}

/** The loan the application found by the VIN or account number the borrower gave. */
export interface LoanToLink {
  readonly accountNumber: string;
  readonly vin: string;
  /** The borrower on the loan (LoanOpened.customerId). */
  readonly customerId: string;
}

/**
 * Add a vehicle loan to the profile. Comparing the SSN with the salted hash needs crypto, so the
 * application does it and the loan look-up, and the command carries only what they found: the
 * SSN itself never enters the domain, an event or an error message.
 */
export interface LinkVehicle {
  readonly type: 'LinkVehicle';
  readonly data: {
    readonly customerId: CustomerId;
    /** Whether the SSN the borrower typed hashes to the `ssnHash` recorded at registration. */
    readonly ssnMatches: boolean;
    /** The loan named by VIN or account number, or null when no loan has it. */
    readonly loan: LoanToLink | null;
    readonly identifiedBy: VehicleIdentifiedBy;
  };
}

/** Record a credit score a bureau reported (score 300 to 850, model, bureau, as-of date). */
export interface RecordCreditScore {
  readonly type: 'RecordCreditScore';
  readonly data: {
    readonly customerId: CustomerId;
    readonly score: number;
    readonly model: string;
    readonly bureau: CreditBureau;
    readonly asOf: BusinessDate;
  };
}

/** Every command a customer stream decides. */
export type CustomerCommand =
  RegisterCustomer | UpdateContactDetails | UpdateAlertPreferences | LinkVehicle | RecordCreditScore;

/** What a customer decision may depend on besides the state: the ledger's date and the time. */
export interface CustomerContext {
  readonly businessDate: BusinessDate;
  readonly now: Instant;
}
