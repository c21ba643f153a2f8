import { JsonBodyRejected, MAX_JSON_DEPTH, parseStrictJson } from './strict-json';

const rejection = (text: string): Pick<JsonBodyRejected, 'reason' | 'key'> | undefined => {
  try {
    parseStrictJson(text);
    return undefined;
  } catch (error: unknown) {
    if (!(error instanceof JsonBodyRejected)) throw error;
    return { reason: error.reason, key: error.key };
  }
};

describe('a well-formed body', () => {
  it.each([
    ['an object', '{"amount":"12.50","vehicle":{"vin":"1M8GDM9AXKP042788"}}', { amount: '12.50', vehicle: { vin: '1M8GDM9AXKP042788' } }],
    ['equal keys in sibling objects', '[{"a":1},{"a":2}]', [{ a: 1 }, { a: 2 }]],
    ['the same key at two depths', '{"a":{"a":{"a":1}}}', { a: { a: { a: 1 } } }],
    ['key-like text inside values', '{"a":"\\"b\\":1,\\"b\\":2","b":"__proto__"}', { a: '"b":1,"b":2', b: '__proto__' }],
    ['escaped quotes and backslashes in keys', '{"a\\\\":1,"a\\"":2,"a":3}', { 'a\\': 1, 'a"': 2, a: 3 }],
    ['keys after nested containers', '{"x":{"y":[1,{"z":2}]},"y":3}', { x: { y: [1, { z: 2 }] }, y: 3 }],
    ['a scalar', '"text"', 'text'],
    ['whitespace everywhere', ' { "a" : [ 1 , 2 ] , "b" : { } } ', { a: [1, 2], b: {} }],
  ])('parses %s', (_case, text, expected) => {
    expect(parseStrictJson(text)).toEqual(expected);
  });

  it('keeps large numbers as JSON.parse reads them (money travels as strings)', () => {
    expect(parseStrictJson('{"n":1e2}')).toEqual({ n: 100 });
  });
});

describe('a body the parser refuses', () => {
  it.each([
    ['a duplicate key', '{"amount":"1.00","amount":"999.00"}', 'DUPLICATE_KEY', 'amount'],
    ['a nested duplicate key', '{"vehicle":{"vin":"A","vin":"B"}}', 'DUPLICATE_KEY', 'vehicle.vin'],
    ['a duplicate key inside an array item', '{"items":[{"a":1,"a":2}]}', 'DUPLICATE_KEY', 'items[].a'],
    ['a duplicate written with an escape', '{"ab":1,"a\\u0062":2}', 'DUPLICATE_KEY', 'ab'],
    ['a duplicate after a nested object', '{"a":{"b":1},"c":2,"a":3}', 'DUPLICATE_KEY', 'a'],
    ['__proto__ at the top', '{"__proto__":{"admin":true}}', 'FORBIDDEN_KEY', '__proto__'],
    ['__proto__ written with escapes', '{"\\u005f_proto__":{}}', 'FORBIDDEN_KEY', '__proto__'],
    ['constructor deep inside', '{"a":[{"b":{"constructor":{"prototype":{}}}}]}', 'FORBIDDEN_KEY', 'a[].b.constructor'],
    ['prototype', '{"prototype":1}', 'FORBIDDEN_KEY', 'prototype'],
    ['truncated JSON', '{"a":', 'INVALID_JSON', undefined],
    ['a trailing comma', '{"a":1,}', 'INVALID_JSON', undefined],
    ['single quotes', "{'a':1}", 'INVALID_JSON', undefined],
    ['an empty body', '', 'INVALID_JSON', undefined],
  ])('refuses %s', (_case, text, reason, key) => {
    expect(rejection(text)).toEqual({ reason, key });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH}`, () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(rejection(deep)?.reason).toBe('JSON_TOO_DEEP');
    const allowed = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(rejection(allowed)).toBeUndefined();
  });

  it('never lets a forbidden key reach a prototype', () => {
    expect(() => parseStrictJson('{"__proto__":{"polluted":true}}')).toThrow(JsonBodyRejected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
