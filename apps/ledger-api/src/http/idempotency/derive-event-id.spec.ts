import { deriveEventId, uuidV5 } from './derive-event-id';
import { fingerprintOf, parseIdempotencyKeyHeader } from './idempotency-key';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it.each([
    ['python.org', DNS_NAMESPACE, '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    ['www.example.com', DNS_NAMESPACE, '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
  ])('matches the published vector for %s', (name, namespace, expected) => {
    expect(uuidV5(name, namespace)).toBe(expected);
  });
});

describe('deriveEventId', () => {
  it('is the same for a retry of the same request', () => {
    expect(deriveEventId('key-1', 'ops POST /v1/loans', 0)).toBe(deriveEventId('key-1', 'ops POST /v1/loans', 0));
  });

  it('differs by key, scope and index', () => {
    const ids = new Set([
      deriveEventId('key-1', 'ops POST /v1/loans', 0),
      deriveEventId('key-2', 'ops POST /v1/loans', 0),
      deriveEventId('key-1', 'svc POST /v1/loans', 0),
      deriveEventId('key-1', 'ops POST /v1/loans', 1),
    ]);
    expect(ids.size).toBe(4);
  });

  it('is a version 5, RFC 4122 variant UUID', () => {
    expect(deriveEventId('k', 's', 3)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the Idempotency-Key header', () => {
  it.each([['a'], ['order 42/retry'], ['x'.repeat(255)], ['~!@#$%^&*()']])('accepts %p', (key) => {
    expect(parseIdempotencyKeyHeader(key)).toBe(key);
  });
  it.each([[''], ['x'.repeat(256)], ['caf\u00e9'], ['tab\there'], [['a', 'b']]])('refuses %p', (key) => {
    expect(() => parseIdempotencyKeyHeader(key)).toThrow(expect.objectContaining({ reason: 'IDEMPOTENCY_KEY_INVALID' }));
  });
});

describe('the request fingerprint', () => {
  it('ignores key order', () => {
    expect(fingerprintOf({ a: 1, b: { c: 2, d: 3 } })).toBe(fingerprintOf({ b: { d: 3, c: 2 }, a: 1 }));
  });
  it('sees any change of value', () => {
    expect(fingerprintOf({ amount: '10.00' })).not.toBe(fingerprintOf({ amount: '10.0' }));
  });
});
