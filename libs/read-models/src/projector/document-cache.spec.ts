import { globalPosition } from '@ledger/event-store';
import { DocumentCache } from './document-cache';

const upsert = (id: string, value: number) =>
  ({ op: 'upsert', collection: 'c', id, document: { value }, position: globalPosition(value) }) as const;

describe('DocumentCache', () => {
  it('returns a document as last written, and a deleted one as not stored', () => {
    const cache = new DocumentCache();
    cache.remember([upsert('a', 1), upsert('a', 2), { op: 'delete', collection: 'c', id: 'b', position: globalPosition(3) }]);
    expect(cache.get('c', 'a')).toEqual({ document: { value: 2 }, stored: true });
    expect(cache.get('c', 'b')).toEqual({ document: null, stored: false });
    expect(cache.get('other', 'a')).toBeUndefined();
  });

  it('evicts the least recently used document past its capacity', () => {
    const cache = new DocumentCache(2);
    cache.remember([upsert('a', 1), upsert('b', 2)]);
    cache.get('c', 'a'); // a is now more recent than b
    cache.remember([upsert('c', 3)]);
    expect(cache.size).toBe(2);
    expect(cache.get('c', 'b')).toBeUndefined();
    expect(cache.get('c', 'a')).toBeDefined();
    expect(cache.get('c', 'c')).toBeDefined();
  });

  it('forgets everything on clear', () => {
    const cache = new DocumentCache();
    cache.remember([upsert('a', 1)]);
    cache.clear();
    expect(cache.get('c', 'a')).toBeUndefined();
  });
});
