import { BusinessDate, Instant } from '@ledger/domain';
import { EventStore, InMemoryEventStore } from '@ledger/event-store';
import { LedgerContext } from '../business-date/ledger-context';
import { CommandMetadata } from '../command-result';
import { LoanStreams } from './loan-streams';
import { OpenLoanCommand, OpenLoanInput } from './open-loan/open-loan.command';
import { OpenLoanHandler } from './open-loan/open-loan.handler';

/** Test fixtures for loan handler specs: a fixed business date and instant, and one opened loan. */
export const BUSINESS_DATE_FOR_TESTS = '2026-01-05' as BusinessDate;
export const NOW_FOR_TESTS = '2026-01-05T14:00:00.000Z' as Instant;

export const ledgerContextForTests = (): LedgerContext =>
  new LedgerContext(
    { currentBusinessDate: async () => BUSINESS_DATE_FOR_TESTS },
    { now: () => NOW_FOR_TESTS },
  );

export const loanStreamsOver = (store: EventStore): LoanStreams =>
  new LoanStreams(store, ledgerContextForTests());

export const metadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actor: 'servicing-desk',
  correlationId: 'correlation-1',
  causationId: 'causation-1',
  occurredAt: NOW_FOR_TESTS,
  ...overrides,
});

export const ACCOUNT_NUMBER = '12345678';

export const openLoanInput: OpenLoanInput = {
  accountNumber: ACCOUNT_NUMBER,
  customerId: 'C-1001',
  vehicle: { vin: '1M8GDM9AXKP042788', year: 2019, make: 'Honda', model: 'Accord' },
  principal: '5000.00',
  apr: '6.5',
  termMonths: 36,
  originationDate: '2026-01-02',
  firstPaymentDate: '2026-02-02',
  titleState: 'OK',
};

/** An in-memory store holding one opened loan, and the LoanStreams over it. */
export async function storeWithOpenLoan(): Promise<{ store: InMemoryEventStore; loans: LoanStreams }> {
  const store = new InMemoryEventStore();
  const loans = loanStreamsOver(store);
  await new OpenLoanHandler(loans).execute(
    new OpenLoanCommand(openLoanInput, metadata({ idempotencyKey: 'open-1' })),
  );
  return { store, loans };
}
