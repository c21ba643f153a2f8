import { BusinessDayCounts, BusinessDayFailure } from '../business-date/business-days.events';

/** Counts what one date's servicing wrote, loan by loan. */
export class BusinessDayTally {
  readonly counts: BusinessDayCounts = {
    loansServiced: 0,
    eventsWritten: 0,
    statementsIssued: 0,
    draftsScheduled: 0,
    draftsSkipped: 0,
    remindersSent: 0,
    paymentsSubmitted: 0,
    lateFeesCharged: 0,
  };
  readonly failures: BusinessDayFailure[] = [];

  /** A loan serviced: `eventTypes` are the types RunServicingDay wrote (or had written earlier). */
  serviced(eventTypes: readonly string[]): void {
    this.counts.loansServiced += 1;
    this.counts.eventsWritten += eventTypes.length;
    for (const type of eventTypes) {
      const counter = COUNTER_OF[type];
      if (counter) this.counts[counter] += 1;
    }
  }

  failed(accountNumber: string, reason: string): void {
    this.failures.push({ accountNumber, reason });
  }
}

// Every PaymentScheduled the cycle writes is an AutoPay draft (one-time and text payments come from borrowers).
const COUNTER_OF: Readonly<Record<string, keyof BusinessDayCounts>> = {
  StatementIssued: 'statementsIssued',
  PaymentScheduled: 'draftsScheduled',
  AutoPayDraftSkipped: 'draftsSkipped',
  PaymentReminderSent: 'remindersSent',
  PaymentSubmitted: 'paymentsSubmitted',
  FeeCharged: 'lateFeesCharged',
};
