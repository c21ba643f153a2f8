/** One field where the stored document departs from the one rebuilt from the log. */
export interface FieldDifference {
  /** Dotted path with array indexes, e.g. `principal` or `payments[2].allocation.interest`; '' is the whole document. */
  path: string;
  /** What the log says (undefined: the field should not exist). */
  expected: unknown;
  /** What the read store holds (undefined: the field is missing). */
  actual: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * Every leaf where two JSON documents differ, in a stable order (keys sorted). Objects and arrays
 * are walked; anything else is compared by value, so "412.35" and 412.35 differ, as they should:
 * amounts are strings everywhere in the ledger.
 */
export function diffDocuments(expected: unknown, actual: unknown, path = ''): FieldDifference[] {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    return Array.from({ length }, (_, index) => diffDocuments(expected[index], actual[index], `${path}[${index}]`)).flat();
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap((key) => diffDocuments(expected[key], actual[key], join(path, key)));
  }
  return Object.is(expected, actual) ? [] : [{ path, expected, actual }];
}

/** The JSON form a store would hold: undefined members dropped, class instances (Money) as their JSON. */
export const asStoredJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
