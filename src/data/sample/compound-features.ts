import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { CompoundProps, GateProps } from '../../domain/dataset';
import type { CompoundPlan } from './compounds';
import type { Frame } from './frame';
import type { Side } from './layout';
import { densify, toPositions } from './polygon';

/** GeoJSON for compounds (Polygon, or MultiPolygon for a two-phase compound) and their gates. */

const BOUNDARY_STEP_M = 30;

const GATE_NAMES: Record<Side, { zh: string; en: string }> = {
  south: { zh: '南门', en: 'South Gate' },
  north: { zh: '北门', en: 'North Gate' },
  west: { zh: '西门', en: 'West Gate' },
  east: { zh: '东门', en: 'East Gate' },
};
const PHASES = [
  { zh: '一期', en: 'Phase 1' },
  { zh: '二期', en: 'Phase 2' },
];

export function compoundFeatures(compounds: CompoundPlan[], frame: Frame): Array<Feature<Polygon | MultiPolygon, CompoundProps>> {
  return compounds.map((c) => {
    // Gates are ring vertices, so each sits exactly on the boundary drawn on the map.
    const rings = c.parts.map((p) => [
      toPositions(
        densify(
          p.ring,
          BOUNDARY_STEP_M,
          p.gates.map((g) => g.at),
        ),
        frame,
      ),
    ]);
    const geometry: Polygon | MultiPolygon =
      rings.length === 1 ? { type: 'Polygon', coordinates: rings[0] ?? [] } : { type: 'MultiPolygon', coordinates: rings };
    const properties: CompoundProps = {
      id: c.id,
      name: c.name.zh,
      name_en: c.name.en,
      population: c.population,
      elderly60: c.elderly60,
      elderly80: c.elderly80,
      households: c.households,
      built_year: c.builtYear,
      property_management: c.propertyManagement,
      community_id: c.communityId,
      grid_id: c.gridId,
    };
    return { type: 'Feature', properties, geometry };
  });
}

export function gateFeatures(compounds: CompoundPlan[], frame: Frame): Array<Feature<Point, GateProps>> {
  return compounds.flatMap((c) => {
    let n = 0;
    return c.parts.flatMap((part, k) =>
      part.gates.map((g): Feature<Point, GateProps> => {
        const phase = c.parts.length > 1 ? PHASES[k] : undefined;
        const side = GATE_NAMES[g.side];
        const properties: GateProps = {
          id: `${c.id}-g${++n}`,
          compound_id: c.id,
          name: `${phase?.zh ?? ''}${side.zh}`,
          name_en: phase ? `${phase.en} ${side.en}` : side.en,
        };
        return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: frame.toLonLat(g.at) } };
      }),
    );
  });
}
