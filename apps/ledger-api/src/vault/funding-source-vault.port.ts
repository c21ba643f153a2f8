/** Nest token of the FundingSourceVault port. */
export const FUNDING_SOURCE_VAULT = Symbol('FundingSourceVault');

/** Bank details as a client sends them; they exist in clear only in memory. */
export interface FundingSourceDetails {
  readonly routingNumber: string;
  readonly accountNumber: string;
  readonly holderName?: string;
}

/** What the rest of the ledger may keep: an opaque id and the last four digits. */
export interface FundingSourceReference {
  readonly fundingSourceId: string;
  readonly last4: string;
}

/**
 * Keeps bank account details encrypted, outside the event streams (domain.md, "Sensitive data":
 * events are immutable and cannot forget). Events, logs and read models carry only the reference.
 */
export interface FundingSourceVault {
  store(details: FundingSourceDetails): Promise<FundingSourceReference>;
  /** The clear details, for payment submission only; NotFound when the id is unknown. */
  reveal(fundingSourceId: string): Promise<FundingSourceDetails>;
}

/** One encrypted record as persisted. Every binary field is base64. */
export interface SealedFundingSource {
  readonly fundingSourceId: string;
  readonly last4: string;
  /** Which vault key sealed it, so keys can be rotated later without guessing. */
  readonly keyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly authTag: string;
  readonly createdAt: string;
}

/** Persistence of sealed records; adapters never see clear details or the key. */
export interface SealedFundingSourceRepository {
  insert(record: SealedFundingSource): Promise<void>;
  find(fundingSourceId: string): Promise<SealedFundingSource | undefined>;
}
