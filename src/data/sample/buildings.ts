import type { Feature, Point, Polygon } from 'geojson';
import type { BuildingProps } from '../../domain/dataset';
import type { BuildingContact, BuildingContacts } from '../buildingContacts';
import type { CompoundPlan } from './compounds';
import type { Frame } from './frame';
import type { People } from './people';
import { area, centre, rectPolygon, type Rect } from './polygon';

/**
 * Buildings (楼栋) of the sample's compounds, illustrative like the rest: the slab blocks the
 * compound layout drew (a compound without one gets a single building at its middle, as a
 * point). Households, residents and elders are the compound's own figures shared out by floor
 * area, so they add up exactly to the compound's. Their 楼栋党小组 leaders and 党员中心户 are
 * invented people and go to the staff-only contacts file, never into buildings.geojson.
 */

export interface SampleBuildings {
  features: Array<Feature<Polygon | Point, BuildingProps>>;
  contacts: BuildingContacts;
}

/** Whole numbers proportional to `weights` that add up to exactly `total` (largest remainder). */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

export function buildingFeatures(compounds: CompoundPlan[], frame: Frame, people: People): SampleBuildings {
  const features: SampleBuildings['features'] = [];
  const contacts: BuildingContact[] = [];
  for (const c of compounds) {
    const rects: Rect[] = c.parts.flatMap((p) => p.buildings);
    const shapes: Array<Polygon | Point> = rects.length
      ? rects.map((r) => rectPolygon(r, frame, Infinity))
      : [{ type: 'Point', coordinates: frame.toLonLat(centre(c.parts[0]?.rect ?? { u0: 0, v0: 0, u1: 0, v1: 0 })) }];
    const weights = rects.length ? rects.map(area) : [1];
    const households = shareOut(c.households, weights);
    const residents = shareOut(c.population, weights);
    const elderly = shareOut(c.elderly60, weights);
    shapes.forEach((geometry, i) => {
      const n = i + 1;
      const id = `${c.id}-b${n}`;
      const properties: BuildingProps = {
        id,
        name: `${c.name.zh}${n}号楼`,
        name_en: `${c.name.en} Building ${n}`,
        compound_id: c.id,
        grid_id: c.gridId,
        households: households[i] ?? 0,
        residents: residents[i] ?? 0,
        elderly60: Math.min(elderly[i] ?? 0, residents[i] ?? 0),
        party_group: `${n}号楼党小组`,
      };
      features.push({ type: 'Feature', properties, geometry });
      const centreHouseholds = Array.from({ length: people.count(1, 2) }, () => people.partyMember());
      contacts.push({
        building_id: id,
        leader: { role: '楼栋党小组组长', ...people.partyMember() },
        centre_households: centreHouseholds.map((p) => ({ role: '党员中心户', ...p })),
      });
    });
  }
  return { features, contacts: { note: CONTACTS_NOTE, buildings: contacts } };
}

const CONTACTS_NOTE =
  '示意数据：人名和电话均为虚构（136000 号段）。仅供工作人员，服务器不公开此文件。 / Illustrative: invented names and phones (136000 range). Staff only; the server never serves this file.';
