import { toCsv } from './csv';
import { projectOverdue, type NeedLine, type Project } from './sandan';
import type { ResourceLine } from './sandanResources';

/**
 * The three lists as CSV files (UTF-8 with a BOM, so Excel opens Chinese text correctly),
 * headers and names in the reader's language: the caller passes the words.
 */

export interface SandanNames {
  compound(id: string | null): string;
  need(code: string): string;
  unitKind(kind: string): string;
  state(state: Project['state']): string;
  owner(id: number): string;
  resource(ref: Project['resources'][number]): string;
  yes: string;
  no: string;
}

export function needsCsv(lines: readonly NeedLine[], header: readonly string[], names: SandanNames): string {
  return toCsv(
    header,
    lines.map((l) => [
      names.compound(l.compoundId),
      names.need(l.need),
      l.requests,
      l.wishes,
      l.total,
      l.unmatched,
      l.oldestAt.slice(0, 10),
      l.oldestDays,
      l.projects,
    ]),
  );
}

export function resourcesCsv(lines: readonly ResourceLine[], header: readonly string[], names: SandanNames): string {
  return toCsv(
    header,
    lines.map((l) => [
      l.kind === 'skill' ? names.need(l.group) : names.unitKind(l.group),
      l.volunteers,
      l.weeklyHours,
      l.openEnded,
      l.units,
      l.capacity,
      l.members.map((m) => m.name).join('、'),
    ]),
  );
}

export function projectsCsv(projects: readonly Project[], header: readonly string[], names: SandanNames, now: Date, timeZone: string): string {
  return toCsv(
    header,
    projects.map((p) => [
      p.id,
      p.title,
      names.compound(p.compoundId),
      names.need(p.need),
      p.resources.map(names.resource).join('、'),
      names.owner(p.ownerId),
      p.dueDate,
      names.state(p.state),
      projectOverdue(p, now, timeZone) ? names.yes : names.no,
    ]),
  );
}
