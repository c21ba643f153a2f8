import { BusinessDate } from '../calendar/business-date';
import { AlertPreferences } from './alert-preferences';
import { EmailAddress, CustomerName, UsMobileNumber } from './contact-details';
import { CreditBureau } from './credit-score';
import { CustomerId } from './customer-id';

/**
 * The facts of a `customer-{customerId}` stream (events.md, "Customer events"). Wire names and
 * fields are a public, versioned contract: auditors replay them for years with their own tools,
 * so a refactor never renames them; a new shape gets a new schema version and an upcaster.
 * No event carries an SSN, only the salted hash computed outside the domain.
 */

/** A customer was registered with contact details, default alert preferences and an SSN hash. */
export interface CustomerRegistered {
  readonly type: 'CustomerRegistered';
  readonly data: {
    readonly customerId: CustomerId;
    readonly name: CustomerName;
    readonly email: EmailAddress;
    readonly mobile: UsMobileNumber;
    /** A salted hash of the SSN's 9 digits, computed by the application; never the SSN. */
    readonly ssnHash: string;
    /** The preferences the customer starts with, recorded so a change of defaults never rewrites history. */
    readonly alertPreferences: AlertPreferences;
    readonly registeredOn: BusinessDate;
  };
}

/** The customer's contact details now read as follows (the whole set, not a diff). */
export interface ContactDetailsUpdated {
  readonly type: 'ContactDetailsUpdated';
  readonly data: {
    readonly customerId: CustomerId;
    readonly email: EmailAddress;
    readonly mobile: UsMobileNumber;
    /** Whether the customer proved they hold `mobile` (pay by text needs a verified number). */
    readonly mobileVerified: boolean;
  };
}

/** The customer's alert preferences now read as follows (the whole set, as PUT replaces them). */
export interface AlertPreferencesUpdated {
  readonly type: 'AlertPreferencesUpdated';
  readonly data: AlertPreferences & { readonly customerId: CustomerId };
}

/** How the borrower named the loan they added: by its VIN or by its account number. */
export type VehicleIdentifiedBy = 'VIN' | 'ACCOUNT_NUMBER';

/** A vehicle loan of this borrower was added to their profile after the SSN matched. */
export interface VehicleLinked {
  readonly type: 'VehicleLinked';
  readonly data: {
    readonly customerId: CustomerId;
    /** The loan's account number (8 to 17 digits), owned and validated by the loan stream. */
    readonly accountNumber: string;
    /** The financed vehicle's VIN, as recorded on the loan. */
    readonly vin: string;
    readonly identifiedBy: VehicleIdentifiedBy;
    readonly linkedOn: BusinessDate;
  };
}

/** A credit score a bureau reported as of a date; recording it never affects the score. */
export interface CreditScoreRecorded {
  readonly type: 'CreditScoreRecorded';
  readonly data: {
    readonly customerId: CustomerId;
    /** A whole number from 300 to 850. */
    readonly score: number;
    /** The scoring model, e.g. 'FICO Score 8'. */
    readonly model: string;
    readonly bureau: CreditBureau;
    readonly asOf: BusinessDate;
  };
}

/** Every fact of a customer stream. */
export type CustomerEvent =
  CustomerRegistered | ContactDetailsUpdated | AlertPreferencesUpdated | VehicleLinked | CreditScoreRecorded;

/** The wire names of customer events, e.g. for a projector's `canHandle`. */
export const CUSTOMER_EVENT_TYPES = [
  'CustomerRegistered',
  'ContactDetailsUpdated',
  'AlertPreferencesUpdated',
  'VehicleLinked',
  'CreditScoreRecorded',
] as const satisfies readonly CustomerEvent['type'][];

/** The current `schemaVersion` of each customer event; a stored older version is upcast on read. */
export const CUSTOMER_EVENT_SCHEMA_VERSIONS: { readonly [Type in CustomerEvent['type']]: number } = {
  CustomerRegistered: 1,
  ContactDetailsUpdated: 1,
  AlertPreferencesUpdated: 1,
  VehicleLinked: 1,
  CreditScoreRecorded: 1,
};

/** True for the wire name of a customer event (a cheap filter before upcasting). */
export const isCustomerEventType = (type: string): type is CustomerEvent['type'] =>
  (CUSTOMER_EVENT_TYPES as readonly string[]).includes(type);
