import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GridProps, StaffMember } from '../../domain/dataset';
import type { Frame, Uv } from './frame';
import type { Layout } from './layout';
import { CHINESE_ORDINALS, COMMUNITIES, ENGLISH_ORDINALS, type CellRange, type CommunityPlan } from './names';
import type { People } from './people';
import { corners, rect, rectPolygon, type Rect } from './polygon';

/**
 * Communities (社区) and their grids (网格): rectangles of superblock cells in plan space
 * that tile the town. Shared edges carry the same vertices, so there are no gaps or overlaps.
 */

export interface CellOwner {
  community: CommunityPlan;
  communityId: string;
  gridId: string;
}

export function communityId(c: CommunityPlan): string {
  return `cm-${c.key}`;
}

export function gridId(c: CommunityPlan, index: number): string {
  return `gr-${c.key}-${index + 1}`;
}

function inRange(r: CellRange, col: number, row: number): boolean {
  return col >= r.cols[0] && col <= r.cols[1] && row >= r.rows[0] && row <= r.rows[1];
}

/** The community and grid a superblock cell belongs to. */
export function cellOwner(col: number, row: number): CellOwner {
  for (const community of COMMUNITIES) {
    const index = community.grids.findIndex((g) => inRange(g, col, row));
    if (index >= 0) return { community, communityId: communityId(community), gridId: gridId(community, index) };
  }
  throw new Error(`cell ${col},${row} belongs to no community`);
}

function cellRect(layout: Layout, r: CellRange): Rect {
  const u0 = layout.arterialU[r.cols[0]] ?? 0;
  const u1 = layout.arterialU[r.cols[1] + 1] ?? 0;
  const v0 = layout.tileV[r.rows[0]] ?? 0;
  const v1 = layout.tileV[r.rows[1] + 1] ?? 0;
  return rect(u0, v0, u1, v1);
}

const GRID_STEP_M = 50;

export function buildGrids(layout: Layout, frame: Frame, people: People): Array<Feature<Polygon | MultiPolygon, GridProps>> {
  const rects = COMMUNITIES.flatMap((c) => [cellRect(layout, c.area), ...c.grids.map((g) => cellRect(layout, g))]);
  const breaks: Uv[] = rects.flatMap(corners);
  const features: Array<Feature<Polygon | MultiPolygon, GridProps>> = [];

  for (const c of COMMUNITIES) {
    const secretary: StaffMember = { role: '社区党委书记', ...people.staff() };
    features.push({
      type: 'Feature',
      properties: {
        id: communityId(c),
        name: `${c.name.zh}社区`,
        name_en: `${c.name.en} Community`,
        level: 'community',
        staff: [secretary],
      },
      geometry: rectPolygon(cellRect(layout, c.area), frame, GRID_STEP_M, breaks),
    });
  }
  for (const c of COMMUNITIES) {
    c.grids.forEach((g, i) => {
      const staff: StaffMember[] = [
        { role: '网格长', ...people.staff() },
        ...Array.from({ length: people.count(1, 2) }, () => ({ role: '网格员', ...people.staff() })),
        ...Array.from({ length: people.count(1, 3) }, () => ({ role: '楼栋长', ...people.staff() })),
      ];
      features.push({
        type: 'Feature',
        properties: {
          id: gridId(c, i),
          name: `${c.name.zh}社区第${CHINESE_ORDINALS[i] ?? i + 1}网格`,
          name_en: `${c.name.en} Community ${ENGLISH_ORDINALS[i] ?? i + 1} Grid`,
          level: 'grid',
          parent_id: communityId(c),
          staff,
        },
        geometry: rectPolygon(cellRect(layout, g), frame, GRID_STEP_M, breaks),
      });
    });
  }
  return features;
}
