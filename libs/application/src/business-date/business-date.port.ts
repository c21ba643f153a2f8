import { BusinessDate, Instant } from '@ledger/domain';

/**
 * The ledger's business date (api.md, "Operations"): the date commands are decided as of. The
 * daily cycle owns it and advances it (`LedgerBusinessDate`, bound with the BUSINESS_DATE token).
 */
export interface BusinessDateProvider {
  currentBusinessDate(): Promise<BusinessDate>;
}

/** Nest token of the BusinessDateProvider port. */
export const BUSINESS_DATE = Symbol('BusinessDate');

/** Where the application reads "now" (the API binds its Clock here; tests a settable one). */
export interface InstantSource {
  now(): Instant;
}

/** Nest token of the InstantSource port. */
export const LEDGER_NOW = Symbol('LedgerNow');
