import type { Feature, Geometry } from 'geojson';
import type { BuildingProps, CompoundProps, GridProps, Problem } from '../domain/dataset';
import { phrase } from '../domain/problemText';
import { makeProblem } from './messages';
import { keepResolved } from './references';

/**
 * The optional buildings layer (楼栋) tied to the rest of the dataset: a building must name a
 * compound that loaded (else it is left out and listed, like a gate); a grid it names must
 * be a grid that loaded, when the dataset has grids; a building without a grid takes its
 * compound's. Figures adding up to more than the compound's own are worth a warning.
 */

const FILE = 'buildings.geojson';
type Building = Feature<Geometry, BuildingProps>;

export function resolveBuildings(
  buildings: Building[],
  compounds: { loaded: Feature<Geometry, CompoundProps>[]; seen: Pick<ReadonlySet<string>, 'has'> },
  grids: { loaded: Feature<Geometry, GridProps>[]; seen: Pick<ReadonlySet<string>, 'has'> },
  problems: Problem[],
): Building[] {
  const compoundById = new Map(compounds.loaded.map((c) => [c.properties.id, c.properties]));
  let kept = keepResolved(
    buildings,
    { file: FILE, field: 'compound_id', target: phrase('target.compound'), loaded: new Set(compoundById.keys()), seen: compounds.seen },
    problems,
  );
  // A dataset without grids cannot check a grid id; it is kept as given.
  if (grids.loaded.length > 0) {
    const gridIds = new Set(grids.loaded.filter((g) => g.properties.level === 'grid').map((g) => g.properties.id));
    kept = keepResolved(kept, { file: FILE, field: 'grid_id', target: phrase('target.grid'), loaded: gridIds, seen: grids.seen }, problems);
  }
  for (const building of kept) {
    const p = building.properties;
    if (p.grid_id === undefined) {
      const gridId = compoundById.get(p.compound_id)?.grid_id;
      if (gridId !== undefined) p.grid_id = gridId;
    }
  }
  problems.push(...sumWarnings(kept, compoundById));
  return kept;
}

/** One warning per compound whose buildings' households or residents add up to more than its own. */
function sumWarnings(buildings: Building[], compoundById: ReadonlyMap<string, CompoundProps>): Problem[] {
  const sums = new Map<string, { households: number; residents: number; last: string }>();
  for (const { properties: p } of buildings) {
    const sum = sums.get(p.compound_id) ?? { households: 0, residents: 0, last: p.id };
    sum.households += p.households ?? 0;
    sum.residents += p.residents ?? 0;
    sum.last = p.id;
    sums.set(p.compound_id, sum);
  }
  const problems: Problem[] = [];
  for (const [compoundId, sum] of sums) {
    const compound = compoundById.get(compoundId);
    if (!compound) continue;
    const checks = [
      ['households', sum.households, compound.households],
      ['residents', sum.residents, compound.population],
    ] as const;
    for (const [field, total, own] of checks) {
      if (own === undefined || total <= own) continue;
      problems.push(
        makeProblem({ file: FILE, id: sum.last, field, severity: 'warning' }, 'building.householdsAboveCompound', {
          compound: compoundId,
          sum: total,
          field,
          total: own,
        }),
      );
    }
  }
  return problems;
}
