import { loadStream, LOAN_STREAM } from '@ledger/application';
import { feesOutstanding } from '@ledger/domain';
import { EventStore, RecordedEvent } from '@ledger/event-store';
import { ReadStore } from '@ledger/read-models';
import { findLoanBalanceDocument } from '../../../libs/read-models/src/loan-balance/loan-balance.query';
import { Cents, formatCents, parseCents, sumCents } from './cents';
import { byStream, InvariantViolation } from './log-invariants';

/** A loan's balances in whole cents. */
export interface ReferenceBalance {
  principal: Cents;
  accruedInterest: Cents;
  fees: Cents;
}

type Allocation = Record<'interest' | 'fees' | 'principal' | 'overpayment', string>;

const show = (balance: ReferenceBalance): string =>
  `principal ${formatCents(balance.principal)}, interest ${formatCents(balance.accruedInterest)}, fees ${formatCents(balance.fees)}`;

const allocationOf = (value: unknown): Allocation => value as Allocation;

/**
 * The independent reference calculation (the auditor of STYLE.md rule 11): the balances rebuilt
 * from the amounts the events state, in cents, without the domain's fold or Money. Each
 * settlement's allocation must sum to its amount, and every `balancesAfter` must match.
 */
export function referenceBalances(
  events: readonly RecordedEvent[],
  violations: InvariantViolation[],
): ReferenceBalance {
  const balance: ReferenceBalance = { principal: 0n, accruedInterest: 0n, fees: 0n };
  for (const event of events) {
    const data = event.data;
    const subject = `${event.streamId}@${event.revision}`;
    if (event.type === 'LoanOpened')
      balance.principal = parseCents((data.terms as Record<string, unknown>).principal);
    if (event.type === 'FeeCharged') balance.fees += parseCents(data.amount);
    if (event.type === 'FeeWaived') balance.fees -= parseCents(data.amount);
    if (event.type === 'PaymentSettled') {
      const allocation = allocationOf(data.allocation);
      const parts = sumCents(Object.values(allocation).map(parseCents));
      if (parts !== parseCents(data.amount)) {
        violations.push({
          invariant: 'allocation-sums-to-amount',
          subject,
          detail: `${formatCents(parts)} allocated of ${String(data.amount)}`,
        });
      }
      balance.accruedInterest += parseCents(data.interestPosted) - parseCents(allocation.interest);
      balance.fees -= parseCents(allocation.fees);
      balance.principal -= parseCents(allocation.principal);
    }
    if (event.type === 'PaymentReturned') {
      const restored = allocationOf(data.restored);
      balance.accruedInterest +=
        parseCents(data.interestPosted) + parseCents(data.extraInterest) + parseCents(restored.interest);
      balance.fees += parseCents(restored.fees);
      balance.principal += parseCents(restored.principal);
    }
    if (data.balancesAfter !== undefined)
      compareBalancesAfter(subject, data.balancesAfter, balance, violations);
    if (balance.principal < 0n || balance.fees < 0n || balance.accruedInterest < 0n) {
      violations.push({ invariant: 'balances-non-negative', subject, detail: show(balance) });
    }
  }
  return balance;
}

function compareBalancesAfter(
  subject: string,
  stated: unknown,
  reference: ReferenceBalance,
  violations: InvariantViolation[],
): void {
  const after = stated as Record<'principal' | 'accruedInterest' | 'fees', string>;
  const claimed = {
    principal: parseCents(after.principal),
    accruedInterest: parseCents(after.accruedInterest),
    fees: parseCents(after.fees),
  };
  if (
    claimed.principal !== reference.principal ||
    claimed.accruedInterest !== reference.accruedInterest ||
    claimed.fees !== reference.fees
  ) {
    violations.push({
      invariant: 'balances-after-match-reference',
      subject,
      detail: `event says ${show(claimed)}; reference ${show(reference)}`,
    });
  }
}

/**
 * Each loan's balance three ways, to the cent: the reference above, the domain fold of the stream
 * (what the next command decides on), and the loan-balance read model when it has caught up.
 */
export async function checkLoanBalances(
  store: EventStore,
  log: readonly RecordedEvent[],
  readStore?: ReadStore,
): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const [streamId, events] of byStream(log)) {
    if (!streamId.startsWith('loan-')) continue;
    const reference = referenceBalances(events, violations);
    const { state } = await loadStream(store, LOAN_STREAM, streamId);
    if (state.status === 'NotOpened') continue;
    const folded = {
      principal: parseCents(state.principal.toString()),
      accruedInterest: parseCents(state.accruedInterest.toString()),
      fees: parseCents(feesOutstanding(state).toString()),
    };
    if (show(folded) !== show(reference)) {
      violations.push({
        invariant: 'fold-equals-reference',
        subject: streamId,
        detail: `fold ${show(folded)}; reference ${show(reference)}`,
      });
    }
    if (readStore === undefined) continue;
    const document = await findLoanBalanceDocument(readStore, state.accountNumber);
    if (document === null || document.revision !== events[events.length - 1].revision) continue;
    const projected = {
      principal: parseCents(document.principal),
      accruedInterest: parseCents(document.accruedInterest),
      fees: parseCents(document.feesOutstanding),
    };
    if (show(projected) !== show(reference)) {
      violations.push({
        invariant: 'read-model-equals-reference',
        subject: streamId,
        detail: `read model ${show(projected)}; reference ${show(reference)}`,
      });
    }
  }
  return violations;
}
