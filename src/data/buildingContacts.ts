import { parseJsonText } from '../domain/jsonText';
import { z } from '../domain/zod';
import type { Problem } from '../domain/dataset';
import { foundPhrase, phrase } from '../domain/problemText';
import { jsonProblem, makeProblem } from './messages';

/**
 * The staff-only contacts of buildings (楼栋党小组 leader, 党员中心户): personal data, so they
 * live apart from buildings.geojson, in `staff/buildings-contacts.json` of the dataset
 * directory. The server never serves anything under `staff/` as a file; it reads this one
 * and answers it only to staff whose scope holds the building (src/server/buildings/).
 */

export const CONTACTS_FILE = 'staff/buildings-contacts.json';
/** The folder of a dataset that is never published: servers, builds and copies leave it out. */
export const STAFF_DIR = 'staff';

export interface Contact {
  role: string;
  name?: string;
  phone?: string;
}

export interface BuildingContact {
  building_id: string;
  leader?: Contact;
  centre_households?: Contact[];
}

export interface BuildingContacts {
  note?: string;
  buildings: BuildingContact[];
}

const phone = z.union([z.string(), z.number().transform(String)]);
const contact = z.looseObject({ role: z.string(), name: z.string().optional(), phone: phone.optional() });
const entry = z.looseObject({ building_id: z.string().min(1), leader: contact.optional(), centre_households: z.array(contact).optional() });

export interface ContactsResult {
  /** By building id; only entries that are valid and name a loaded building. */
  byBuilding: Map<string, BuildingContact>;
  problems: Problem[];
}

/**
 * Reads the contacts file's text (null: the dataset has none, which is fine). A bad entry or
 * one naming an unknown building is left out and listed; the others are kept.
 */
export function parseBuildingContacts(text: string | null, buildingIds: ReadonlySet<string>): ContactsResult {
  const byBuilding = new Map<string, BuildingContact>();
  const problems: Problem[] = [];
  if (text === null) return { byBuilding, problems };
  const file = CONTACTS_FILE;
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (error) {
    return { byBuilding, problems: [jsonProblem({ file, field: '(file)', severity: 'error' }, error, text)] };
  }
  const list = typeof raw === 'object' && raw !== null ? (raw as { buildings?: unknown }).buildings : undefined;
  if (!Array.isArray(list)) {
    const expected = phrase('found.value', { value: '{ "buildings": [ { "building_id", "leader", "centre_households" } ] }' });
    return {
      byBuilding,
      problems: [makeProblem({ file, field: 'buildings', severity: 'error' }, 'field.invalid', { field: 'buildings', expected, found: foundPhrase(raw) })],
    };
  }
  list.forEach((item, index) => {
    const parsed = entry.safeParse(item);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '(entry)');
      const found = foundPhrase(typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : item);
      problems.push(makeProblem({ file, index, field, severity: 'error' }, 'field.invalid', { field, expected: phrase('expect.valid'), found }));
      return;
    }
    const id = parsed.data.building_id;
    if (!buildingIds.has(id)) {
      problems.push(
        makeProblem({ file, id, field: 'building_id', severity: 'error' }, 'reference.absent', {
          field: 'building_id',
          target: phrase('found.value', { value: 'a building in buildings.geojson' }),
          found: foundPhrase(id),
        }),
      );
      return;
    }
    byBuilding.set(id, parsed.data as BuildingContact);
  });
  return { byBuilding, problems };
}
