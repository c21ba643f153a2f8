import { FieldValue, FindQuery, WhereCondition } from '../read-store.port';
import { decodeCursor, isRange, KeysetKey, keysetKeys, pageLimit } from '../keyset';
import { assertFieldPath } from '../read-store.errors';
import { bindValue, fieldExpression, table } from './sqlite-sql';

export interface SqliteFind {
  sql: string;
  params: (string | number | null)[];
  keys: KeysetKey[];
  limit: number;
}

/** Builds one keyset-paginated SELECT; it asks for limit + 1 rows to learn whether a next page exists. */
export const buildFind = (collection: string, query: FindQuery): SqliteFind => {
  const keys = keysetKeys(query.sort);
  const limit = pageLimit(query.limit);
  const clauses = ['document IS NOT NULL'];
  const params: (string | number | null)[] = [];
  for (const [field, condition] of Object.entries(query.where ?? {})) {
    assertFieldPath(field);
    whereClauses(field, condition, clauses, params);
  }
  if (query.after !== undefined) {
    const after = decodeCursor(keys, query.after);
    clauses.push(afterClause(keys, [...after.values, after.id], params));
  }
  const order = keys.map((key) => `${key.field === null ? 'id' : fieldExpression(key.field)} ${key.direction.toUpperCase()}`);
  params.push(limit + 1);
  const sql = `SELECT id, position, document FROM ${table(collection)}
    WHERE ${clauses.join(' AND ')} ORDER BY ${order.join(', ')} LIMIT ?`;
  return { sql, params, keys, limit };
};

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

const whereClauses = (field: string, condition: WhereCondition, clauses: string[], params: (string | number | null)[]): void => {
  const expression = fieldExpression(field);
  if (!isRange(condition)) {
    clauses.push(`${expression} IS ?`);
    params.push(bindValue(condition));
    return;
  }
  for (const operator of ['gt', 'gte', 'lt', 'lte'] as const) {
    const bound = condition[operator];
    if (bound === undefined) continue;
    // Type bracketing as in MongoDB: a numeric bound never matches text and vice versa.
    const types = typeof bound === 'number' ? `('integer', 'real')` : `('text')`;
    clauses.push(`json_type(document, '$.${field}') IN ${types} AND ${expression} ${OPERATORS[operator]} ?`);
    params.push(bound);
  }
};

/**
 * Rows strictly after the cursor in the query's total order (nulls first): the disjunction over
 * i of "keys before i equal and key i beyond". Nulls need their own spelling in SQL.
 */
const afterClause = (keys: readonly KeysetKey[], values: FieldValue[], params: (string | number | null)[]): string => {
  const alternatives = keys.map((key, index) => {
    const parts: string[] = [];
    for (let previous = 0; previous < index; previous += 1) {
      parts.push(`${column(keys[previous])} IS ?`);
      params.push(bindValue(values[previous]));
    }
    parts.push(beyond(key, values[index], params));
    return `(${parts.join(' AND ')})`;
  });
  return `(${alternatives.join(' OR ')})`;
};

const column = (key: KeysetKey): string => (key.field === null ? 'id' : fieldExpression(key.field));

const beyond = (key: KeysetKey, value: FieldValue, params: (string | number | null)[]): string => {
  const expression = column(key);
  if (key.direction === 'asc') {
    if (value === null) return `${expression} IS NOT NULL`;
    params.push(bindValue(value));
    return `${expression} > ?`;
  }
  if (value === null) return '0';
  params.push(bindValue(value));
  return `(${expression} < ? OR ${expression} IS NULL)`;
};
