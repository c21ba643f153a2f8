import { streamRevision } from '@ledger/event-store';
import { BankAccountDetails, FundingSourceOnFile, FundingSources } from '../funding-sources.port';
import { ACCOUNT_NUMBER, metadata, storeWithOpenLoan } from '../loan-handler.fixtures';
import { SchedulePaymentCommand } from './schedule-payment.command';
import { SchedulePaymentHandler } from './schedule-payment.handler';

/** A vault that remembers what it sealed, so the spec can see where the account number went. */
class RecordingVault implements FundingSources {
  readonly sealed: BankAccountDetails[] = [];

  async store(details: BankAccountDetails): Promise<FundingSourceOnFile> {
    this.sealed.push(details);
    return {
      fundingSourceId: `fs_${this.sealed.length}`,
      last4: details.accountNumber.slice(-4),
      routingNumber: details.routingNumber,
    };
  }

  async find(fundingSourceId: string): Promise<FundingSourceOnFile> {
    return { fundingSourceId, last4: '9999', routingNumber: '011000015' };
  }
}

const bankAccount = { routingNumber: '011000015', accountNumber: '000123456789' };

describe('given an opened loan, scheduling a payment from a bank account', () => {
  it('seals the account in the vault and records only its id and last 4 digits', async () => {
    const { store, loans } = await storeWithOpenLoan();
    const vault = new RecordingVault();
    const input = {
      accountNumber: ACCOUNT_NUMBER,
      paymentId: 'p-1',
      amount: '200.00',
      scheduledFor: '2026-01-09',
      fundingSource: { bankAccount },
    };
    const result = await new SchedulePaymentHandler(loans, vault).execute(
      new SchedulePaymentCommand(input, metadata()),
    );
    const events = await store.readStream(`loan-${ACCOUNT_NUMBER}`, { fromRevision: streamRevision(1) });
    expect(result).toMatchObject({ paymentId: 'p-1', events: [{ type: 'PaymentScheduled' }] });
    expect(vault.sealed).toEqual([bankAccount]);
    expect(events[0].data).toMatchObject({
      fundingSourceId: 'fs_1',
      fundingLast4: '6789',
      channel: 'ONLINE',
      amount: '200.00',
    });
    expect(JSON.stringify(events)).not.toContain('000123456789');
  });

  it('uses a funding source already on file without sealing anything', async () => {
    const { loans } = await storeWithOpenLoan();
    const vault = new RecordingVault();
    const input = {
      accountNumber: ACCOUNT_NUMBER,
      amount: '200.00',
      scheduledFor: '2026-01-09',
      fundingSource: { fundingSourceId: 'fs_9' },
    };
    await new SchedulePaymentHandler(loans, vault).execute(new SchedulePaymentCommand(input, metadata()));
    expect(vault.sealed).toEqual([]);
  });

  it('refuses a date before the business date and writes nothing', async () => {
    const { store, loans } = await storeWithOpenLoan();
    const head = await store.headPosition();
    const input = {
      accountNumber: ACCOUNT_NUMBER,
      amount: '200.00',
      scheduledFor: '2026-01-04',
      fundingSource: { bankAccount },
    };
    await expect(
      new SchedulePaymentHandler(loans, new RecordingVault()).execute(
        new SchedulePaymentCommand(input, metadata()),
      ),
    ).rejects.toMatchObject({
      kind: 'InvalidInput',
      field: 'scheduledFor',
    });
    expect(await store.headPosition()).toBe(head);
  });
});
