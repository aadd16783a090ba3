import type { Feature, Geometry } from 'geojson';
import type { Problem } from '../domain/dataset';
import { foundPhrase, phrase, type Phrase } from '../domain/problemText';
import { makeProblem } from './messages';

/**
 * Checks that ids pointing into another layer (a gate's compound, a request's compound, a
 * grid's parent) name a feature that was loaded. A feature whose reference does not
 * resolve is left out and listed, like any other bad feature.
 */
export interface Reference {
  /** The file of the referring features. */
  file: string;
  field: string;
  /** e.g. phrase('target.compound'): "a compound in compounds.geojson" (plain text is shown as it is). */
  target: Phrase | string;
  /** Ids of the features that loaded in the target file. */
  loaded: ReadonlySet<string>;
  /** Ids seen in the target file, loaded or not, to say why a reference failed. */
  seen: Pick<ReadonlySet<string>, 'has'>;
  /** True when the target is the referring file itself (a grid's parent): no self-reference. */
  sameFile?: boolean;
}

export function keepResolved<P extends { id?: string }>(features: Feature<Geometry, P>[], ref: Reference, problems: Problem[]): Feature<Geometry, P>[] {
  return features.filter((feature) => {
    const props = feature.properties as P & Record<string, unknown>;
    const value = props[ref.field];
    const self = ref.sameFile === true && value === props.id;
    if (value === undefined || (typeof value === 'string' && ref.loaded.has(value) && !self)) return true;
    const code = self ? 'reference.self' : typeof value === 'string' && ref.seen.has(value) ? 'reference.leftOut' : 'reference.absent';
    const target = typeof ref.target === 'string' ? phrase('found.value', { value: ref.target }) : ref.target;
    const params = { field: ref.field, target, found: foundPhrase(value) };
    problems.push(makeProblem({ file: ref.file, id: props.id as string, field: ref.field, severity: 'error' }, code, params));
    return false;
  });
}
