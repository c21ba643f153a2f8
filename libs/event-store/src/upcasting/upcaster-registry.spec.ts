import { GlobalPosition, RecordedEvent, StreamRevision } from '../event-envelope';
import { UpcasterRegistry } from './upcaster-registry';

const recorded = (type: string, schemaVersion: number, data: Record<string, unknown>): RecordedEvent => ({
  streamId: 'loan-1',
  revision: 0 as StreamRevision,
  position: '1' as GlobalPosition,
  eventId: 'e',
  type,
  data,
  metadata: { schemaVersion, occurredAt: '', correlationId: '', causationId: '', actor: '', eventId: 'e', recordedAt: '', previousHash: '', hash: '' },
});

describe('a registry with PaymentSettled v1→v2→v3', () => {
  const registry = new UpcasterRegistry()
    .register('PaymentSettled', 1, ({ amount, ...rest }) => ({ ...rest, amountPaid: amount }))
    .register('PaymentSettled', 2, (data) => ({ ...data, thirdPartyFee: '0.00' }));

  it('upcasts a v1 event through both steps and says it is v3', () => {
    const upcast = registry.upcast(recorded('PaymentSettled', 1, { amount: '10.00' }));
    expect(upcast.data).toEqual({ amountPaid: '10.00', thirdPartyFee: '0.00' });
    expect(upcast.metadata.schemaVersion).toBe(3);
  });
  it('upcasts a v2 event through the last step only', () => {
    expect(registry.upcast(recorded('PaymentSettled', 2, { amountPaid: '5.00' })).data).toEqual({ amountPaid: '5.00', thirdPartyFee: '0.00' });
  });
  it('leaves a current event, and other types, untouched', () => {
    const current = recorded('PaymentSettled', 3, { amountPaid: '1.00', thirdPartyFee: '0.00' });
    expect(registry.upcast(current)).toBe(current);
    const other = recorded('FeeCharged', 1, {});
    expect(registry.upcast(other)).toBe(other);
  });
  it('never changes the event it was given', () => {
    const original = recorded('PaymentSettled', 1, { amount: '10.00' });
    registry.upcast(original);
    expect(original.data).toEqual({ amount: '10.00' });
    expect(original.metadata.schemaVersion).toBe(1);
  });
  it('knows the current version per type', () => {
    expect(registry.currentVersion('PaymentSettled')).toBe(3);
    expect(registry.currentVersion('FeeCharged')).toBe(1);
  });
});

describe('a registry with a gap in its chain', () => {
  it('refuses to hand out an event it cannot bring to the current shape', () => {
    const registry = new UpcasterRegistry().register('FeeCharged', 2, (data) => data);
    expect(() => registry.upcast(recorded('FeeCharged', 1, {}))).toThrow('No upcaster for FeeCharged from schema version 1');
  });
  it('refuses a step registered twice', () => {
    const registry = new UpcasterRegistry().register('FeeCharged', 1, (data) => data);
    expect(() => registry.register('FeeCharged', 1, (data) => data)).toThrow('already registered');
  });
});
