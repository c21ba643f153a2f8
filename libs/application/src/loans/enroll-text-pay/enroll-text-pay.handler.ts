import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ALERT_KINDS,
  CustomerState,
  EnrollTextPay,
  parseAccountNumber,
  parseCustomerId,
} from '@ledger/domain';
import { CommandResult } from '../../command-result';
import { CustomerStreams } from '../../customers/customer-streams';
import { FUNDING_SOURCES, FundingSources, fundingReference, fundingSourceOf } from '../funding-sources.port';
import { LoanStreams } from '../loan-streams';
import { EnrollTextPayCommand } from './enroll-text-pay.command';

/**
 * Pay by text needs facts of the borrower's profile (a verified mobile opted in to texts), so the
 * handler reads the customer stream and hands them to the loan decider, which judges eligibility.
 * Consent to texting is any alert kind turned on "by text" (TCPA consent is per number, not per kind).
 */
@CommandHandler(EnrollTextPayCommand)
export class EnrollTextPayHandler implements ICommandHandler<EnrollTextPayCommand, CommandResult> {
  constructor(
    private readonly loans: LoanStreams,
    private readonly customers: CustomerStreams,
    @Inject(FUNDING_SOURCES) private readonly fundingSources: FundingSources,
  ) {}

  async execute({ input, metadata }: EnrollTextPayCommand): Promise<CommandResult> {
    const accountNumber = parseAccountNumber(input.accountNumber);
    const loan = await this.loans.load(accountNumber);
    const customer: CustomerState =
      loan.status === 'NotOpened'
        ? { status: 'Unregistered' }
        : await this.customers.load(parseCustomerId(loan.customerId));
    const registered = customer.status === 'Registered' ? customer : null;
    const fundingSource =
      input.fundingSource === undefined
        ? null
        : fundingReference(await fundingSourceOf(this.fundingSources, input.fundingSource));
    const command: EnrollTextPay = {
      type: 'EnrollTextPay',
      data: {
        mobileNumber: registered?.mobile ?? '',
        mobileVerified: registered?.mobileVerified ?? false,
        textAlertsOptedIn:
          registered !== null && ALERT_KINDS.some((kind) => registered.alertPreferences[kind].text),
        fundingSource,
      },
    };
    return this.loans.decide(accountNumber, command, metadata);
  }
}
