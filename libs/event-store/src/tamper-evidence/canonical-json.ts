/**
 * Canonical JSON: the one byte form that the hash chain is computed over, so that any tool, in any
 * language, can recompute a hash years later from the stored JSON alone.
 *
 * Rules: object keys sorted by UTF-16 code unit order (JavaScript's default sort), no whitespace,
 * strings and numbers exactly as `JSON.stringify` writes them, array order kept, properties whose
 * value is `undefined` omitted (as `JSON.stringify` does). Amounts are strings in our events, so
 * number formatting never decides a hash.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`Not representable in JSON: ${String(value)}`);
    return text;
  }
  if (Array.isArray(value)) {
    // JSON.stringify writes undefined array items as null; keep that so both forms agree.
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
};
