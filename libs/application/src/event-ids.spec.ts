import { eventIdFor, uuidV5 } from './event-ids';

describe('uuidV5', () => {
  it('matches the RFC 4122 example for the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('eventIdFor', () => {
  it('gives a retry with the same key the same ids', () => {
    expect(eventIdFor('loan-12345678', 0, 'key-1')).toBe(eventIdFor('loan-12345678', 0, 'key-1'));
  });
  it('gives each event of a decision its own id', () => {
    expect(eventIdFor('loan-12345678', 0, 'key-1')).not.toBe(eventIdFor('loan-12345678', 1, 'key-1'));
  });
  it('gives the same key on another stream other ids', () => {
    expect(eventIdFor('loan-12345678', 0, 'key-1')).not.toBe(eventIdFor('loan-87654321', 0, 'key-1'));
  });
  it('is random without a key', () => {
    expect(eventIdFor('loan-12345678', 0)).not.toBe(eventIdFor('loan-12345678', 0));
  });
});
