import { notFound, invalidInput } from '@ledger/domain';
import { allProjections, Projection } from '@ledger/read-models';

/** The projections a command names: one by name, or every one with --all (exactly one of the two). */
export function chooseProjections(name: string | undefined, all: boolean | undefined, projections: readonly Projection[] = allProjections): readonly Projection[] {
  if ((name === undefined) === !all) throw invalidInput('USAGE', 'give either a projection name or --all', 'projection');
  if (all) return projections;
  const projection = projections.find((candidate) => candidate.name === name);
  if (!projection) throw notFound('PROJECTION_NOT_FOUND', `No projection named ${name}; known: ${projections.map((known) => known.name).join(', ')}`);
  return [projection];
}
