import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { invalidInput, notFound } from '@ledger/domain';
import { isAbaRoutingNumber, isBankAccountNumber } from '../http/validation/identifier-checks';
import {
  FundingSourceDetails,
  FundingSourceReference,
  FundingSourceVault,
  SealedFundingSource,
  SealedFundingSourceRepository,
} from './funding-source-vault.port';

const ALGORITHM = 'aes-256-gcm';

/**
 * The vault: AES-256-GCM with a fresh random 12-byte IV per record. The record id is the
 * additional authenticated data, so a ciphertext copied onto another record fails to open.
 */
export class EncryptingFundingSourceVault implements FundingSourceVault {
  private readonly keyId: string;

  constructor(
    private readonly repository: SealedFundingSourceRepository,
    private readonly key: Buffer,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    if (key.length !== 32) throw new Error('The vault key must be 32 bytes');
    // A fingerprint of the key, not the key: identifies which key sealed a record.
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  async store(details: FundingSourceDetails): Promise<FundingSourceReference> {
    if (!isAbaRoutingNumber(details.routingNumber)) {
      throw invalidInput('ROUTING_NUMBER_INVALID', 'routingNumber must be a 9-digit ABA routing number', 'routingNumber');
    }
    if (!isBankAccountNumber(details.accountNumber)) {
      throw invalidInput('BANK_ACCOUNT_NUMBER_INVALID', 'accountNumber must be 4 to 17 digits', 'accountNumber');
    }
    const fundingSourceId = `fs_${randomUUID()}`;
    const last4 = details.accountNumber.slice(-4);
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.key, iv).setAAD(Buffer.from(fundingSourceId, 'utf8'));
    const plaintext = JSON.stringify({
      routingNumber: details.routingNumber,
      accountNumber: details.accountNumber,
      holderName: details.holderName,
    });
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    await this.repository.insert({
      fundingSourceId,
      last4,
      keyId: this.keyId,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      authTag: cipher.getAuthTag().toString('base64'),
      createdAt: this.now(),
    });
    return { fundingSourceId, last4 };
  }

  async reveal(fundingSourceId: string): Promise<FundingSourceDetails> {
    const record = await this.repository.find(fundingSourceId);
    if (record === undefined) throw notFound('FUNDING_SOURCE_NOT_FOUND', `No funding source ${fundingSourceId}`);
    if (record.keyId !== this.keyId) throw new Error(`Funding source ${fundingSourceId} was sealed with another vault key`);
    return this.open(record);
  }

  private open(record: SealedFundingSource): FundingSourceDetails {
    const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(record.iv, 'base64'))
      .setAAD(Buffer.from(record.fundingSourceId, 'utf8'))
      .setAuthTag(Buffer.from(record.authTag, 'base64'));
    // final() throws if the ciphertext, tag or id was altered: tampering never yields details.
    const plaintext = Buffer.concat([decipher.update(Buffer.from(record.ciphertext, 'base64')), decipher.final()]);
    const details = JSON.parse(plaintext.toString('utf8')) as FundingSourceDetails;
    return details.holderName === undefined
      ? { routingNumber: details.routingNumber, accountNumber: details.accountNumber }
      : details;
  }
}
