import { RecordedEvent } from '../event-envelope';

/** Turns the data of one schema version of an event type into the data of the next version. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Old schema versions are upcast to the current shape on read; stored events are never rewritten
 * (shared/spec/events.md). Each upcaster moves one version up, so a v1 event read when v3 is
 * current passes through v1→v2 and v2→v3, and every step stays small and testable.
 */
export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Map<number, Upcaster>>();

  /** Registers the step from `fromSchemaVersion` to `fromSchemaVersion + 1` of `type`. */
  register(type: string, fromSchemaVersion: number, upcaster: Upcaster): this {
    if (!Number.isSafeInteger(fromSchemaVersion) || fromSchemaVersion < 1) {
      throw new Error(`Schema versions start at 1: ${type} v${fromSchemaVersion}`);
    }
    const steps = this.upcasters.get(type) ?? new Map<number, Upcaster>();
    if (steps.has(fromSchemaVersion)) throw new Error(`Upcaster already registered: ${type} v${fromSchemaVersion}`);
    steps.set(fromSchemaVersion, upcaster);
    this.upcasters.set(type, steps);
    return this;
  }

  /** The schema version reads produce for `type`: one past the highest registered step, else 1. */
  currentVersion(type: string): number {
    const steps = this.upcasters.get(type);
    return steps ? Math.max(...steps.keys()) + 1 : 1;
  }

  /** Whether `upcast` would change an event of this type and version; lets hot read paths skip work. */
  needsUpcast(type: string, schemaVersion: number): boolean {
    return this.upcasters.get(type)?.has(schemaVersion) ?? false;
  }

  /**
   * The event in its current shape, with metadata.schemaVersion updated; the same object when it
   * is already current. Throws when a step of the chain is missing, rather than hand out data of
   * a shape no reader expects.
   */
  upcast(event: RecordedEvent): RecordedEvent {
    const steps = this.upcasters.get(event.type);
    if (!steps) return event;
    const target = this.currentVersion(event.type);
    let version = event.metadata.schemaVersion;
    if (version >= target) return event;
    let data = event.data;
    while (version < target) {
      const step = steps.get(version);
      if (!step) throw new Error(`No upcaster for ${event.type} from schema version ${version}`);
      data = step(data);
      version += 1;
    }
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
  }
}

/** Applies the registry when there is one: the adapters' single read-path hook. */
export const upcastAll = (events: RecordedEvent[], registry: UpcasterRegistry | undefined): RecordedEvent[] =>
  registry ? events.map((event) => registry.upcast(event)) : events;
