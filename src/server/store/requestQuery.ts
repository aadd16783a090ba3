import type { RequestFilter } from './types';

/**
 * The SQL of a filtered list of requests, newest first, with its parameters; null when a
 * filter names an empty list (nothing can match, so there is nothing to ask).
 */
export function requestQuery(filter: RequestFilter): { sql: string; params: unknown[] } | null {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[]) => {
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.ids) {
    if (filter.ids.length === 0) return null;
    inList('id', filter.ids);
  }
  if (filter.serviceCodes) {
    if (filter.serviceCodes.length === 0) return null;
    inList('service_code', filter.serviceCodes);
  }
  if (filter.stages) {
    if (filter.stages.length === 0) return null;
    inList('stage', filter.stages);
  }
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.start) {
    where.push('requested_at >= ?');
    params.push(filter.start);
  }
  if (filter.end) {
    where.push('requested_at <= ?');
    params.push(filter.end);
  }
  const scope: string[] = [];
  for (const [column, values] of [
    ['community_id', filter.communityIds],
    ['grid_id', filter.gridIds],
    ['compound_id', filter.compoundIds],
  ] as const) {
    if (!values) continue;
    if (values.length) {
      scope.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
  }
  if (filter.communityIds || filter.gridIds || filter.compoundIds) where.push(scope.length ? `(${scope.join(' OR ')})` : '0');
  if (filter.assignedTo !== undefined) {
    where.push('assigned_to = ?');
    params.push(filter.assignedTo);
  }
  if (filter.mediaHash !== undefined) {
    where.push('media_hash = ?');
    params.push(filter.mediaHash);
  }
  return {
    sql: `SELECT * FROM requests${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY requested_at DESC, seq DESC${filter.limit ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : ''}`,
    params,
  };
}
