import { useMemo } from 'react';
import { ANY_NEED, dateIn, type Project, type ResourceRef } from '../../../domain/volunteers/sandan';
import { needsCsv, projectsCsv, resourcesCsv, type SandanNames } from '../../../domain/volunteers/sandanCsv';
import type { MessageKey } from '../../../i18n';
import type { SandanAnswer } from '../../../server/routes/sandan';
import { useStore } from '../../../store';
import { timeZoneOf } from '../../../store/volunteersSlice';
import type { SandanList } from '../../../store/sandanSlice';
import { useT } from '../../../components/useT';
import { downloadText } from '../download';
import { codeLabel, compoundName } from '../format';
import '../messages';

export const stateKey = (state: Project['state']) => `sandan.project.state.${state}` as MessageKey;
export const unitKindKey = (kind: string) => `sandan.unit.kind.${kind}` as MessageKey;

/** The words the lists and their CSV files use for ids: compound names, needs, owners, resources. */
export function useSandanNames(answer: SandanAnswer | null): SandanNames {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const dataset = useStore((s) => s.dataset);
  return useMemo(() => {
    const compounds = new Map((dataset?.compounds.features ?? []).map((c) => [c.properties.id, c.properties]));
    const owners = new Map((answer?.owners ?? []).map((o) => [o.id, o.name]));
    const members = new Map((answer?.resources ?? []).flatMap((l) => l.members.map((m) => [`${m.kind}:${m.id}`, m.name] as const)));
    for (const u of answer?.units ?? []) members.set(`unit:${u.id}`, u.name);
    return {
      compound: (id) => (id ? compoundName(lang, compounds, id) : t('sandan.needs.noCompound')),
      need: (code) => (code === ANY_NEED ? t('sandan.need.any') : codeLabel(t, lang, code)),
      unitKind: (kind) => t(unitKindKey(kind)),
      state: (state) => t(stateKey(state)),
      owner: (id) => owners.get(id) ?? `#${id}`,
      resource: (ref: ResourceRef) => members.get(`${ref.kind}:${ref.id}`) ?? ref.id,
      yes: t('sandan.yes'),
      no: t('sandan.no'),
    };
  }, [answer, dataset, lang, t]);
}

const HEADERS: Record<SandanList, MessageKey[]> = {
  needs: [
    'sandan.col.compound',
    'sandan.col.need',
    'sandan.col.requests',
    'sandan.col.wishes',
    'sandan.col.total',
    'sandan.col.unmatched',
    'sandan.col.oldest',
    'sandan.col.days',
    'sandan.col.projects',
  ],
  resources: [
    'sandan.col.resource',
    'sandan.col.volunteers',
    'sandan.col.hours',
    'sandan.col.openEnded',
    'sandan.col.units',
    'sandan.col.capacity',
    'sandan.col.members',
  ],
  projects: [
    'sandan.col.id',
    'sandan.col.title',
    'sandan.col.compound',
    'sandan.col.need',
    'sandan.col.resources',
    'sandan.col.owner',
    'sandan.col.due',
    'sandan.col.state',
    'sandan.col.overdue',
  ],
};

/** Saves one list as CSV (with a BOM: Excel opens the Chinese text correctly), named by list and date. */
export function useSandanCsv(answer: SandanAnswer | null, names: SandanNames) {
  const t = useT();
  const state = useStore.getState;
  return (list: SandanList) => {
    if (!answer) return;
    const header = HEADERS[list].map((k) => t(k));
    const now = new Date(state().volNow);
    const text =
      list === 'needs'
        ? needsCsv(answer.needs, header, names)
        : list === 'resources'
          ? resourcesCsv(answer.resources, header, names)
          : projectsCsv(answer.projects, header, names, now, timeZoneOf(state()));
    downloadText(t('sandan.file', { list: t(`sandan.${list}`), date: dateIn(now, timeZoneOf(state())) }), text, 'text/csv;charset=utf-8');
  };
}
