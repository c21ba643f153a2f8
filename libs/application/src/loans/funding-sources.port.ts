import { FundingSource, invalidInput } from '@ledger/domain';

/** Bank details as a client sends them; they exist in clear only in memory, on their way to the vault. */
export interface BankAccountDetails {
  readonly routingNumber: string;
  readonly accountNumber: string;
}

/** A funding account in the vault: its id, last 4 digits and (public) routing number. */
export interface FundingSourceOnFile {
  readonly fundingSourceId: string;
  readonly last4: string;
  readonly routingNumber: string;
}

/**
 * The funding-source vault as the application needs it (domain.md, "Sensitive data"): bank
 * account numbers go in, only an id and the last 4 digits come out and reach the command.
 * The API binds its encrypting vault here.
 */
export interface FundingSources {
  store(details: BankAccountDetails): Promise<FundingSourceOnFile>;
  /** NotFound FUNDING_SOURCE_NOT_FOUND when the id is unknown. */
  find(fundingSourceId: string): Promise<FundingSourceOnFile>;
}

/** Nest token of the FundingSources port. */
export const FUNDING_SOURCES = Symbol('FundingSources');

/** A payment's funding account: new bank details, or one already in the vault. */
export type FundingSourceInput =
  { readonly bankAccount: BankAccountDetails } | { readonly fundingSourceId: string };

/** Seals new bank details (or looks up an existing id); the caller keeps only the reference. */
export async function fundingSourceOf(
  sources: FundingSources,
  input: FundingSourceInput,
): Promise<FundingSourceOnFile> {
  if ('bankAccount' in input) return sources.store(input.bankAccount);
  if (typeof input.fundingSourceId !== 'string' || input.fundingSourceId.length === 0) {
    throw invalidInput(
      'FUNDING_SOURCE_MISSING',
      'Name a bankAccount or a fundingSourceId',
      'fundingSourceId',
    );
  }
  return sources.find(input.fundingSourceId);
}

/** The reference a loan command carries: never the account number. */
export const fundingReference = (onFile: FundingSourceOnFile): FundingSource => ({
  fundingSourceId: onFile.fundingSourceId,
  fundingLast4: onFile.last4,
});
