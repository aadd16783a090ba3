import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import './messages';

/** The compounds no chosen volunteer reaches, most residents aged 60+ first (they are highlighted on the map). */
export function UncoveredList({ ids }: { ids: readonly string[] }) {
  const { compounds, lang, selectCompound } = useStore(
    useShallow((s) => ({ compounds: s.dataset?.compounds.features, lang: s.lang, selectCompound: s.selectCompound })),
  );
  const t = useT();
  const rows = useMemo(() => {
    const byId = new Map((compounds ?? []).map((c) => [c.properties.id, c.properties]));
    return ids.flatMap((id) => byId.get(id) ?? []).sort((a, b) => b.elderly60 - a.elderly60 || a.id.localeCompare(b.id));
  }, [ids, compounds]);
  if (rows.length === 0) return <p className="hint">{t('volunteers.coverage.allReached')}</p>;
  return (
    <div className="uncovered">
      <h3>{t('volunteers.coverage.uncovered', { count: rows.length })}</h3>
      <ul aria-label={t('volunteers.coverage.uncoveredList')} data-testid="uncovered-list">
        {rows.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => selectCompound(c.id)}>
              {(lang === 'en' ? (c.name_en ?? c.name) : c.name) ?? c.id}
            </button>
            <span className="hint">
              {t('volunteers.coverage.uncoveredRow', { population: formatNumber(lang, c.population), elderly: formatNumber(lang, c.elderly60) })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
