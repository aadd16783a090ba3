import type { Problem } from '../domain/dataset';

/** One problem as a stderr line: file, feature, field, message. */
export function formatProblem(p: Problem): string {
  const where = p.id !== undefined ? `id ${p.id}` : p.index !== undefined ? `feature #${p.index}` : 'whole file';
  return `${p.severity === 'error' ? 'problem' : 'warning'}: ${p.file} (${where}) ${p.field}: ${p.message}`;
}
