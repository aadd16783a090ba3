import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { suppressedCount } from '../../domain/volunteers/privacy';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import { ledgerOf } from '../../store/volunteersSlice';
import { compoundName } from './format';
import './messages';

/** How many show per compound: the busiest ones; below 5 only "<5" (DESIGN.md "Privacy"). */
const TOP = 8;

/** Open requests per compound, busiest first, small counts suppressed. */
export function ByCompound() {
  const { rows, compounds, lang, setFilter, setLedgerOpen } = useStore(
    useShallow((s) => ({
      rows: ledgerOf(s),
      compounds: s.dataset?.compounds.features,
      lang: s.lang,
      setFilter: s.setLedgerFilter,
      setLedgerOpen: s.setLedgerOpen,
    })),
  );
  const t = useT();
  const top = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of rows) if (r.status === 'open' && r.compoundId) counts.set(r.compoundId, (counts.get(r.compoundId) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP);
  }, [rows]);
  const names = useMemo(() => new Map((compounds ?? []).map((c) => [c.properties.id, c.properties])), [compounds]);
  if (top.length === 0) return null;
  return (
    <details className="by-compound">
      <summary>{t('volunteers.byCompound.title')}</summary>
      <p className="hint">{t('volunteers.byCompound.note')}</p>
      <ul data-testid="by-compound">
        {top.map(([id, count]) => {
          const shown = suppressedCount(count);
          return (
            <li key={id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  setFilter({ compoundId: id, status: 'open' });
                  setLedgerOpen(true);
                }}
              >
                {compoundName(lang, names, id)}
              </button>
              <span className="count">{typeof shown === 'number' ? formatNumber(lang, shown) : shown}</span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
