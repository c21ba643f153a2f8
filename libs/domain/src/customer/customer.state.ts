import { BusinessDate } from '../calendar/business-date';
import { assertInvariant } from '../shared/assert';
import { notFound } from '../shared/domain-error';
import { AlertPreferences } from './alert-preferences';
import { CustomerName, EmailAddress, UsMobileNumber } from './contact-details';
import { CreditBureau } from './credit-score';
import { CustomerId } from './customer-id';
import { VehicleIdentifiedBy } from './customer.events';

/** A vehicle loan on the customer's profile. */
export interface LinkedVehicle {
  readonly accountNumber: string;
  readonly vin: string;
  readonly identifiedBy: VehicleIdentifiedBy;
  readonly linkedOn: BusinessDate;
}

/** One credit score as the bureau reported it. */
export interface CreditScoreRecord {
  readonly score: number;
  readonly model: string;
  readonly bureau: CreditBureau;
  readonly asOf: BusinessDate;
}

/** A stream with no CustomerRegistered yet: every command but RegisterCustomer is refused. */
export interface UnregisteredCustomer {
  readonly status: 'Unregistered';
}

/**
 * A registered customer as the decider needs it (and as the application reads it to compare an
 * SSN's salted hash with `ssnHash`). Read models shape their own views from the same events.
 */
export interface RegisteredCustomer {
  readonly status: 'Registered';
  readonly customerId: CustomerId;
  readonly name: CustomerName;
  readonly email: EmailAddress;
  readonly mobile: UsMobileNumber;
  readonly mobileVerified: boolean;
  readonly ssnHash: string;
  readonly alertPreferences: AlertPreferences;
  readonly registeredOn: BusinessDate;
  /** In the order they were linked; one entry per account number. */
  readonly vehicles: readonly LinkedVehicle[];
  /** In the order they were recorded (not by `asOf`: a late report of an old score is possible). */
  readonly creditScores: readonly CreditScoreRecord[];
}

/** The state of a customer stream, a discriminated union on `status`. */
export type CustomerState = UnregisteredCustomer | RegisteredCustomer;

/** The state of a customer stream with no events. */
export const initialCustomerState = (): CustomerState => ({ status: 'Unregistered' });

/** The registered customer a command is about, or a NotFound CUSTOMER_NOT_FOUND refusal. */
export function requireRegistered(state: CustomerState, customerId: CustomerId): RegisteredCustomer {
  if (state.status === 'Unregistered') {
    throw notFound('CUSTOMER_NOT_FOUND', `Customer ${customerId} is not registered`);
  }
  // Pairs with customerStreamId: a command is only ever decided on its own customer's stream.
  assertInvariant(state.customerId === customerId, 'a customer command is decided on its own stream');
  return state;
}

/** The linked vehicle with this account number, if any. */
export const linkedVehicle = (state: RegisteredCustomer, accountNumber: string): LinkedVehicle | undefined =>
  state.vehicles.find((vehicle) => vehicle.accountNumber === accountNumber);

/**
 * The latest score: the one with the latest `asOf`, and of those the one recorded last (a
 * correction the same day replaces the earlier report). Undefined when none was recorded.
 */
export const latestCreditScore = (state: RegisteredCustomer): CreditScoreRecord | undefined =>
  state.creditScores.reduce<CreditScoreRecord | undefined>(
    (latest, record) => (latest === undefined || record.asOf >= latest.asOf ? record : latest),
    undefined,
  );
