import { GlobalPosition, globalPosition } from '@ledger/event-store';

/** Enough digits for any unsigned 64-bit position (EventStoreDB commit positions included). */
const KEY_WIDTH = 20;

/**
 * A position as a fixed-width string, so that string order is numeric order: SQLite and MongoDB
 * can then guard writes with a plain `<` without knowing about big integers.
 */
export const positionKey = (position: GlobalPosition): string => {
  if (position.length > KEY_WIDTH) throw new Error(`Global position too large: ${position}`);
  return position.padStart(KEY_WIDTH, '0');
};

export const positionFromKey = (key: string): GlobalPosition => globalPosition(key.replace(/^0+(?=\d)/, ''));
