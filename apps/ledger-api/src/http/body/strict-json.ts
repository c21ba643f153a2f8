/** Why a JSON body was refused; each becomes a 400 problem with this reason. */
export type JsonBodyRejection = 'INVALID_JSON' | 'DUPLICATE_KEY' | 'FORBIDDEN_KEY' | 'JSON_TOO_DEEP';

/** A request body the strict JSON parser refused, naming the offending key and where it sits. */
export class JsonBodyRejected extends Error {
  readonly statusCode = 400;
  constructor(
    readonly reason: JsonBodyRejection,
    message: string,
    readonly key?: string,
  ) {
    super(message);
    this.name = 'JsonBodyRejected';
  }
}

// Keys that can reach Object.prototype through a careless merge or class-transformer.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** No request of ours nests deeper; a limit keeps recursive validators off the stack edge. */
export const MAX_JSON_DEPTH = 32;

type Frame =
  | { kind: 'object'; keys: Set<string>; expectKey: boolean; path: string; lastKey?: string }
  | { kind: 'array'; path: string };

/**
 * Parses a request body strictly: valid JSON (JSON.parse decides), and then, because JSON.parse
 * silently keeps the last of two equal keys and a reviver cannot see duplicates, a scan of the
 * text's tokens refuses duplicate keys, prototype-polluting keys and excessive nesting.
 */
export function parseStrictJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : 'syntax error';
    throw new JsonBodyRejected('INVALID_JSON', `The body is not valid JSON: ${detail}`);
  }
  checkKeys(text);
  return value;
}

/** Scans already-valid JSON text; only strings, brackets, ',' and ':' matter to the scan. */
function checkKeys(text: string): void {
  const stack: Frame[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const top = stack[stack.length - 1];
    if (char === '"') {
      const end = endOfString(text, index);
      if (top?.kind === 'object' && top.expectKey) {
        checkKey(top, JSON.parse(text.slice(index, end + 1)) as string);
      }
      index = end;
    } else if (char === '{' || char === '[') {
      if (stack.length >= MAX_JSON_DEPTH) {
        throw new JsonBodyRejected('JSON_TOO_DEEP', `The body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
      const path = childPath(top);
      stack.push(char === '{' ? { kind: 'object', keys: new Set(), expectKey: true, path } : { kind: 'array', path });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',' && top?.kind === 'object') {
      top.expectKey = true;
    }
  }
}

function checkKey(frame: Extract<Frame, { kind: 'object' }>, key: string): void {
  const path = frame.path === '' ? key : `${frame.path}.${key}`;
  if (FORBIDDEN_KEYS.has(key)) {
    throw new JsonBodyRejected('FORBIDDEN_KEY', `The body must not contain the key "${path}"`, path);
  }
  if (frame.keys.has(key)) {
    throw new JsonBodyRejected('DUPLICATE_KEY', `The body repeats the key "${path}"`, path);
  }
  frame.keys.add(key);
  frame.expectKey = false;
  // Remembered so a nested object's keys are reported with their full path (vehicle.vin).
  frame.lastKey = key;
}

function childPath(parent: Frame | undefined): string {
  if (parent === undefined) return '';
  const segment = parent.kind === 'object' ? (parent.lastKey ?? '') : '[]';
  return parent.path === '' ? segment : parent.kind === 'array' ? `${parent.path}[]` : `${parent.path}.${segment}`;
}

/** Index of the closing quote of the string opening at `start` (the text is valid JSON). */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index;
  }
  return text.length - 1;
}
