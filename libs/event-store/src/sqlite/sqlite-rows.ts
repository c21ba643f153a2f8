import { GlobalPosition, RecordedEvent, RecordedMetadata, StreamRevision } from '../event-envelope';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { EventRow } from './sqlite-schema';

/**
 * A row as the port's envelope. Positions and revisions come from SQLite's integers, already
 * validated on the way in, so they are cast rather than re-checked: this is the hot read path.
 */
export const rowToEvent = (row: EventRow, upcasters: UpcasterRegistry | undefined): RecordedEvent => {
  const event: RecordedEvent = {
    streamId: row[1],
    revision: row[2] as StreamRevision,
    position: String(row[0]) as GlobalPosition,
    eventId: row[3],
    type: row[4],
    data: JSON.parse(row[6]) as Record<string, unknown>,
    metadata: JSON.parse(row[7]) as RecordedMetadata,
  };
  return upcasters?.needsUpcast(row[4], row[5]) ? upcasters.upcast(event) : event;
};
