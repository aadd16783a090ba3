import { wallClockIn } from '../wallClock';
import { skillForCode } from './skills';
import type { Wish } from './wishes';

/**
 * 三单制 (the seeds' "three lists" of volunteer service): 需求单 (needs: what residents asked
 * for, grouped by compound and service), 资源单 (resources: volunteers' skills and hours,
 * and the halls, rooms and services 共建单位 partner units offer) and 项目单 (projects: a
 * need matched to resources, with an owner, a due date and a state).
 */

/** What a partner unit (共建单位) offers. */
export const UNIT_KINDS = ['venue', 'room', 'medical', 'service', 'goods', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 拟定 → 进行中 → 已完成, or 已取消 from either of the first two. */
export const PROJECT_STATES = ['draft', 'active', 'done', 'cancelled'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

/** Projects still being worked on: they count against a need and can be overdue. */
export const LIVE_PROJECT_STATES: readonly ProjectState[] = ['draft', 'active'];

const NEXT_STATES: Record<ProjectState, readonly ProjectState[]> = {
  draft: ['active', 'cancelled'],
  active: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export function canMoveProject(from: ProjectState, to: ProjectState): boolean {
  return from === to || NEXT_STATES[from].includes(to);
}

/** A hall, room, clinic's free check-ups… offered by a partner unit, kept on the server. */
export interface PartnerUnit {
  /** e.g. "U-000003". */
  id: string;
  /** The unit and what it lends, e.g. "县人民医院 义诊". */
  name: string;
  kind: UnitKind;
  /** What is offered, e.g. "每月第一个周六上午免费体检". */
  offer: string;
  /** People at once, or null. */
  capacity: number | null;
  /** When it is available (free text or opening_hours), or null. */
  hours: string | null;
  /** Where it is: a compound, or a point with the compound it falls in (if any). */
  compoundId: string | null;
  lon: number;
  lat: number;
  gridId: string | null;
  communityId: string | null;
  /** How staff reach the unit's contact person: staff only, never in public answers. */
  contact: string | null;
  /** A unit that no longer offers it is retired, not deleted (projects still name it). */
  active: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** A unit as Open data: no contact, no staff account names. */
export type PublicUnit = Omit<PartnerUnit, 'contact' | 'createdBy'>;

export function publicUnit(unit: PartnerUnit): PublicUnit {
  const { contact: _contact, createdBy: _by, ...rest } = unit;
  return rest;
}

/** A resource a project uses: a partner unit (its id) or a volunteer of the dataset (their id). */
export interface ResourceRef {
  kind: 'unit' | 'volunteer';
  id: string;
}

export interface Project {
  /** e.g. "P-000002". */
  id: string;
  /** Short, what is done, e.g. "每周二上门代购". */
  title: string;
  /** The need line it answers: compound and need (skill or service code). */
  compoundId: string;
  need: string;
  gridId: string | null;
  communityId: string | null;
  resources: ResourceRef[];
  /** Staff user id responsible. */
  ownerId: number;
  /** Due date, YYYY-MM-DD in the dataset's zone. */
  dueDate: string;
  state: ProjectState;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function dateIn(now: Date, timeZone: string): string {
  const w = wallClockIn(now, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** A project still worked on whose due date has passed (due today is not overdue). */
export function projectOverdue(project: Pick<Project, 'state' | 'dueDate'>, now: Date, timeZone: string): boolean {
  return LIVE_PROJECT_STATES.includes(project.state) && project.dueDate < dateIn(now, timeZone);
}

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** One open request or wish, as a need counts it (no text, no person). */
export interface NeedItem {
  kind: 'request' | 'wish';
  compoundId: string | null;
  gridId: string | null;
  communityId: string | null;
  need: string;
  /** Filed or posted (ISO). */
  at: string;
  /** Assigned to someone (a request) or claimed by a volunteer (a wish). */
  taken: boolean;
}

export interface NeedRequest {
  serviceCode: string;
  status: 'open' | 'closed';
  compoundId: string | null;
  gridId: string | null;
  communityId: string | null;
  requestedAt: string;
  assignedTo: number | null;
}

/** The need a wish without a skill is grouped under: anyone can help. */
export const ANY_NEED = 'any';

/**
 * Open requests and open or claimed wishes as need items. A request's need is the volunteer
 * skill its service calls for (a pharmacy request is an errand), else its service code, so
 * needs line up with the skills of the 资源单.
 */
export function needItems(
  requests: readonly NeedRequest[],
  wishes: readonly Pick<Wish, 'compoundId' | 'gridId' | 'communityId' | 'skill' | 'state' | 'createdAt'>[],
  skillsInData: ReadonlySet<string> = new Set(),
): NeedItem[] {
  const items: NeedItem[] = [];
  for (const r of requests) {
    if (r.status !== 'open') continue;
    const need = skillForCode(r.serviceCode, skillsInData) ?? r.serviceCode;
    items.push({
      kind: 'request',
      compoundId: r.compoundId,
      gridId: r.gridId,
      communityId: r.communityId,
      need,
      at: r.requestedAt,
      taken: r.assignedTo !== null,
    });
  }
  for (const w of wishes) {
    if (w.state !== 'open' && w.state !== 'claimed') continue;
    items.push({
      kind: 'wish',
      compoundId: w.compoundId,
      gridId: w.gridId,
      communityId: w.communityId,
      need: w.skill ?? ANY_NEED,
      at: w.createdAt,
      taken: w.state === 'claimed',
    });
  }
  return items;
}

/** One line of the 需求单: a need in a compound. */
export interface NeedLine {
  /** `${compoundId}|${need}` (compoundId '' when the request has none). */
  key: string;
  compoundId: string | null;
  gridId: string | null;
  communityId: string | null;
  need: string;
  requests: number;
  wishes: number;
  total: number;
  /** Items nobody has taken, on a line no live project answers yet. */
  unmatched: number;
  /** The oldest item's time (ISO) and its age in whole days at `now`. */
  oldestAt: string;
  oldestDays: number;
  /** Live projects (拟定, 进行中) answering this line. */
  projects: number;
}

export const needKey = (compoundId: string | null, need: string) => `${compoundId ?? ''}|${need}`;

const DAY_MS = 86_400_000;

/**
 * The 需求单: items grouped by compound and need, with counts, the oldest age and how many
 * are not matched yet. An item is matched when someone took it (assigned, claimed) or when a
 * live project answers its line. Lines with the most unmatched, then the oldest, come first.
 */
export function groupNeeds(items: readonly NeedItem[], projects: readonly Pick<Project, 'compoundId' | 'need' | 'state'>[], now: Date): NeedLine[] {
  const live = new Map<string, number>();
  for (const p of projects) {
    if (!LIVE_PROJECT_STATES.includes(p.state)) continue;
    const key = needKey(p.compoundId, p.need);
    live.set(key, (live.get(key) ?? 0) + 1);
  }
  const lines = new Map<string, NeedLine>();
  for (const item of items) {
    const key = needKey(item.compoundId, item.need);
    let line = lines.get(key);
    if (!line) {
      line = {
        key,
        compoundId: item.compoundId,
        gridId: item.gridId,
        communityId: item.communityId,
        need: item.need,
        requests: 0,
        wishes: 0,
        total: 0,
        unmatched: 0,
        oldestAt: item.at,
        oldestDays: 0,
        projects: live.get(key) ?? 0,
      };
      lines.set(key, line);
    }
    if (item.kind === 'request') line.requests++;
    else line.wishes++;
    line.total++;
    if (!item.taken && line.projects === 0) line.unmatched++;
    if (Date.parse(item.at) < Date.parse(line.oldestAt)) line.oldestAt = item.at;
  }
  const result = [...lines.values()];
  for (const line of result) line.oldestDays = Math.max(0, Math.floor((now.getTime() - Date.parse(line.oldestAt)) / DAY_MS));
  return result.sort((a, b) => b.unmatched - a.unmatched || Date.parse(a.oldestAt) - Date.parse(b.oldestAt) || a.key.localeCompare(b.key));
}
