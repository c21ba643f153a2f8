import { Inject, Injectable } from '@nestjs/common';
import { BankAccountDetails, FundingSourceOnFile, FundingSources } from '@ledger/application';
import { lastFour } from '@ledger/domain';
import { FUNDING_SOURCE_VAULT, FundingSourceVault } from '../vault/funding-source-vault.port';

/** The application's FundingSources port over the API's encrypting vault. */
@Injectable()
export class VaultFundingSources implements FundingSources {
  constructor(@Inject(FUNDING_SOURCE_VAULT) private readonly vault: FundingSourceVault) {}

  async store(details: BankAccountDetails): Promise<FundingSourceOnFile> {
    const { routingNumber, accountNumber } = details;
    const reference = await this.vault.store({ routingNumber, accountNumber });
    return { ...reference, routingNumber };
  }

  async find(fundingSourceId: string): Promise<FundingSourceOnFile> {
    // The clear details stay in this frame: only the last 4 digits and the routing number leave.
    const details = await this.vault.reveal(fundingSourceId);
    return { fundingSourceId, last4: lastFour(details.accountNumber), routingNumber: details.routingNumber };
  }
}
