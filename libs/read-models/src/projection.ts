import { RecordedEvent } from '@ledger/event-store';
import { CollectionDefinition, DocumentBody } from './stores/read-store.port';

/** A document an event touches, named by its collection (as the projection declares it) and id. */
export interface DocumentRef {
  collection: string;
  id: string;
}

/**
 * A document found through another one: its id is `field` of the document `via` points at.
 * This is how an event that does not carry a key reaches the document keyed by it, e.g. a
 * PaymentSettled (loan key only) reaching the customer snapshot through a `loan-owners`
 * lookup document that LoanOpened wrote. When the lookup document or field is missing, the
 * target resolves to nothing and is skipped.
 */
export interface LookupRef {
  collection: string;
  via: { collection: string; id: string; field: string };
}

export type DocumentTarget = DocumentRef | LookupRef;

export interface EvolveContext<Doc extends DocumentBody = DocumentBody> {
  projection: string;
  version: number;
  /** Which document this call evolves: one event may touch several. */
  collection: string;
  id: string;
  /**
   * Another document this event touches (a target or a lookup), as it stands after the targets
   * evolved before this one; null when absent. Only those documents are visible: evolve is pure.
   */
  related(collection: string, id: string): Doc | null;
}

/**
 * A read model: a pure fold of the global log into documents (STYLE.md rule 6).
 * The projector loads the documents `documentIdsFor` names, calls `evolve` once per target in
 * the order given, and writes what changed with the event's position. `evolve` returns the new
 * document or null to delete it; it must not mutate its input and never throws on a recorded
 * fact (a throw is a poison event: the projection stops there and is marked failed).
 * Bump `version` whenever `evolve` or `collections` change meaning: the new version is rebuilt
 * beside the old one, which serves until the switch.
 */
export interface Projection<Doc extends DocumentBody = DocumentBody> {
  /** Kebab or snake case, e.g. 'loan-balance'; part of the collection and checkpoint names. */
  name: string;
  version: number;
  collections: readonly CollectionDefinition[];
  canHandle(event: RecordedEvent): boolean;
  documentIdsFor(event: RecordedEvent): readonly DocumentTarget[];
  evolve(document: Doc | null, event: RecordedEvent, context: EvolveContext<Doc>): Doc | null;
}

/** The physical name of a projection's collection in one version, so versions live side by side. */
export const collectionName = (projection: string, version: number, collection: string): string =>
  `${projection}_v${version}_${collection}`;

/** The projection's declared collections under their physical names for one version. */
export const physicalCollections = (projection: Pick<Projection, 'name' | 'collections'>, version: number): CollectionDefinition[] =>
  projection.collections.map((definition) => ({
    ...definition,
    name: collectionName(projection.name, version, definition.name),
  }));

export const isLookupRef = (target: DocumentTarget): target is LookupRef => 'via' in target;
