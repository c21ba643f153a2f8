import { randomUUID } from 'node:crypto';
import { GlobalPosition, RecordedEvent, StreamRevision } from '../event-envelope';
import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH } from './event-hash';
import { verifyChain } from './verify-chain';

const chainOf = (streamId: string, datas: Record<string, unknown>[]): RecordedEvent[] => {
  let previousHash = GENESIS_HASH;
  return datas.map((data, revision) => {
    const hash = eventHash({ streamId, revision, type: 'FeeCharged', data, previousHash });
    const eventId = randomUUID();
    const metadata = { schemaVersion: 1, occurredAt: '', correlationId: '', causationId: '', actor: '', eventId, recordedAt: '', previousHash, hash };
    previousHash = hash;
    return { streamId, revision: revision as StreamRevision, position: String(revision + 1) as GlobalPosition, eventId, type: 'FeeCharged', data, metadata };
  });
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":"é","z":1}]},"b":1}');
  });
  it('omits undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: '1.00' })).toBe('{"b":"1.00"}');
  });
  it('does not depend on insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('an event hash', () => {
  it('is SHA-256 hex over the canonical form, and the genesis hash is 64 zeros', () => {
    const hash = eventHash({ streamId: 'loan-1', revision: 0, type: 'FeeCharged', data: { amount: '25.00' }, previousHash: GENESIS_HASH });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(eventHash({ streamId: 'loan-1', revision: 1, type: 'FeeCharged', data: { amount: '25.00' }, previousHash: GENESIS_HASH })).not.toBe(hash);
  });
});

describe('verifying a chain', () => {
  it('passes an untouched stream, also interleaved with another', () => {
    const [a, b] = [chainOf('loan-1', [{ n: 1 }, { n: 2 }]), chainOf('loan-2', [{ n: 3 }])];
    expect(verifyChain([a[0], b[0], a[1]])).toEqual({ ok: true });
  });
  it('names an event whose data changed', () => {
    const events = chainOf('loan-1', [{ n: 1 }, { n: 2 }, { n: 3 }]);
    events[1] = { ...events[1], data: { n: 20 } };
    expect(verifyChain(events)).toMatchObject({ ok: false, reason: 'HASH_MISMATCH', brokenAt: { revision: 1, eventId: events[1].eventId } });
  });
  it('names the event after a removed one', () => {
    const events = chainOf('loan-1', [{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(verifyChain([events[0], events[2]])).toMatchObject({ ok: false, reason: 'REVISION_GAP', brokenAt: { revision: 2 } });
  });
  it('names a first event that does not start from the genesis hash', () => {
    const events = chainOf('loan-1', [{ n: 1 }]);
    events[0] = { ...events[0], metadata: { ...events[0].metadata, previousHash: 'f'.repeat(64) } };
    expect(verifyChain(events)).toMatchObject({ ok: false, reason: 'PREVIOUS_HASH_MISMATCH', brokenAt: { revision: 0 } });
  });
});
