import { InMemoryEventStore } from '@ledger/event-store';
import { VinIndex } from './vin-index';

const loanOpened = (accountNumber: string, vin: string, customerId: string) => ({
  eventId: `00000000-0000-4000-8000-${accountNumber.padStart(12, '0')}`,
  type: 'LoanOpened',
  data: { accountNumber, customerId, vehicle: { vin, year: 2020, make: 'Honda', model: 'Accord' } },
  metadata: {
    schemaVersion: 1,
    occurredAt: '2026-01-05T14:00:00.000Z',
    correlationId: 'c',
    causationId: 'c',
    actor: 'test',
  },
});

describe('the VIN index', () => {
  it('finds a loan opened after an earlier look-up', async () => {
    const store = new InMemoryEventStore();
    const index = new VinIndex(store);
    await expect(index.loansOf('1HGCM82633A004352')).resolves.toEqual([]);
    await store.append('loan-44001234', [loanOpened('44001234', '1HGCM82633A004352', 'C-1')], 'no_stream');
    await expect(index.loansOf('1hgcm82633a004352')).resolves.toEqual([
      { accountNumber: '44001234', customerId: 'C-1' },
    ]);
  });

  it('keeps every loan opened on one VIN, oldest first', async () => {
    const store = new InMemoryEventStore();
    await store.append('loan-44001234', [loanOpened('44001234', '1HGCM82633A004352', 'C-1')], 'no_stream');
    await store.append('loan-44005678', [loanOpened('44005678', '1HGCM82633A004352', 'C-2')], 'no_stream');
    const loans = await new VinIndex(store).loansOf('1HGCM82633A004352');
    expect(loans.map((loan) => loan.accountNumber)).toEqual(['44001234', '44005678']);
  });
});
