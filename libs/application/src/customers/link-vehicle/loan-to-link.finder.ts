import { Injectable } from '@nestjs/common';
import { CustomerId, LoanToLink, parseAccountNumber, parseVin } from '@ledger/domain';
import { LoanStreams } from '../../loans/loan-streams';
import { VinIndex } from '../vin-index';

/**
 * Finds the loan a borrower named by account number (its stream) or by VIN (the VIN index). A
 * VIN may have carried several loans; the borrower's own is preferred, else the latest, which
 * the decider then refuses as another borrower's.
 */
@Injectable()
export class LoanToLinkFinder {
  constructor(
    private readonly loans: LoanStreams,
    private readonly vins: VinIndex,
  ) {}

  async byAccountNumber(accountNumber: string): Promise<LoanToLink | null> {
    const loan = await this.loans.load(parseAccountNumber(accountNumber));
    if (loan.status === 'NotOpened') return null;
    return { accountNumber: loan.accountNumber, vin: loan.vehicle.vin, customerId: loan.customerId };
  }

  async byVin(vin: string, customerId: CustomerId): Promise<LoanToLink | null> {
    const loans = await this.vins.loansOf(parseVin(vin, 'vin'));
    const chosen = loans.find((loan) => loan.customerId === customerId) ?? loans[loans.length - 1];
    return chosen === undefined ? null : this.byAccountNumber(chosen.accountNumber);
  }
}
