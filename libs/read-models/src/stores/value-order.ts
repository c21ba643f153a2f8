import { FieldValue, WhereCondition } from './read-store.port';
import { isRange, KeysetKey, readField } from './keyset';

/** MongoDB's and SQLite's order across types: null (and missing), numbers, strings, booleans. */
const typeRank = (value: FieldValue): number =>
  value === null ? 0 : typeof value === 'number' ? 1 : typeof value === 'string' ? 2 : 3;

/** Strings compare by UTF-8 bytes, as SQLite's BINARY collation and MongoDB's default do. */
export const compareFieldValues = (a: FieldValue, b: FieldValue): number => {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return Math.sign(rank);
  if (typeof a === 'string' && typeof b === 'string') return Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (a === b || a === null || b === null) return 0;
  return a < b ? -1 : 1;
};

/** The key values of a document in a keyset order (the id last). */
export const keyValues = (keys: readonly KeysetKey[], id: string, document: Record<string, unknown>): FieldValue[] =>
  keys.map((key) => (key.field === null ? id : readField(document, key.field)));

export const compareKeyValues = (keys: readonly KeysetKey[], a: FieldValue[], b: FieldValue[]): number => {
  for (let index = 0; index < keys.length; index += 1) {
    const order = compareFieldValues(a[index], b[index]);
    if (order !== 0) return keys[index].direction === 'asc' ? order : -order;
  }
  return 0;
};

/** A range bound matches only values of its own type, as MongoDB's type bracketing does. */
export const matchesCondition = (value: FieldValue, condition: WhereCondition): boolean => {
  if (!isRange(condition)) return compareFieldValues(value, condition) === 0;
  const bounds: [string | number | undefined, (order: number) => boolean][] = [
    [condition.gt, (order) => order > 0],
    [condition.gte, (order) => order >= 0],
    [condition.lt, (order) => order < 0],
    [condition.lte, (order) => order <= 0],
  ];
  return bounds.every(([bound, accepts]) => {
    if (bound === undefined) return true;
    if (value === null || typeof value !== typeof bound) return false;
    return accepts(compareFieldValues(value, bound));
  });
};
