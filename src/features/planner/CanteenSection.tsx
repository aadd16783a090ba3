import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import type { CanteenResult } from '../../domain/planner/canteens';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import { useFacilityName } from './usePlanner';
import './messages';

const CATCHMENTS_M = [300, 500, 800, 1000];

/** Seats per 100 residents aged 60+ per canteen (2SFCA) and the compounds under-served though covered. */
export function CanteenFigures({ canteens, print = false }: { canteens: CanteenResult; print?: boolean }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const facilityName = useFacilityName();
  const { compounds: names } = useStore(useShallow((s) => ({ compounds: s.dataset?.compounds })));
  const nameOf = (id: string) => {
    const p = names?.features.find((c) => c.properties.id === id)?.properties;
    return (lang === 'en' ? p?.name_en : undefined) ?? p?.name ?? id;
  };
  const under = canteens.compounds.filter((c) => c.underServed);
  const unreached = canteens.compounds.filter((c) => c.reachedBy === 0).length;
  const fmt = (v: number | null) => (v === null ? '–' : formatNumber(lang, v, 2));
  return (
    <>
      <table className="planner-table compact">
        <caption className={print ? undefined : 'visually-hidden'}>{t('planner.canteen.tableCaption', { metres: canteens.settings.catchmentM })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planner.canteen.name')}</th>
            <th scope="col" className="num">
              {t('planner.canteen.seats')}
            </th>
            <th scope="col" className="num">
              {t('planner.canteen.elderly')}
            </th>
            <th scope="col" className="num">
              {t('planner.canteen.per100')}
            </th>
          </tr>
        </thead>
        <tbody>
          {canteens.canteens.map((c) => (
            <tr key={c.facility.id} className={c.seatsPer100 !== null && c.seatsPer100 < canteens.settings.targetSeatsPer100 ? 'below-target' : undefined}>
              <th scope="row">
                {facilityName(c.facility.id)}
                {c.proposed && ` ${t('planner.rule.proposed')}`}
              </th>
              <td className="num">{c.capacity === null ? t('planner.canteen.seatsUnknown') : formatNumber(lang, c.capacity)}</td>
              <td className="num">{formatNumber(lang, c.elderlyInCatchment)}</td>
              <td className="num">{fmt(c.seatsPer100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="canteen-under-served">
        {t('planner.canteen.summary', { under: under.length, unreached, target: formatNumber(lang, canteens.settings.targetSeatsPer100, 1) })}
      </p>
      {under.length > 0 && (
        <ul className="plain-list">
          {under.map((c) => (
            <li key={c.compoundId}>{t('planner.canteen.underItem', { name: nameOf(c.compoundId), seats: fmt(c.seatsPer100), count: c.reachedBy })}</li>
          ))}
        </ul>
      )}
      <p className="hint">{t('planner.canteen.method')}</p>
    </>
  );
}

export function CanteenSection() {
  const { result, settings, setSettings } = useStore(
    useShallow((s) => ({ result: s.plannerResult, settings: s.canteenSettings, setSettings: s.setCanteenSettings })),
  );
  const t = useT();
  const catchmentId = useId();
  const targetId = useId();
  if (!result) return null;
  return (
    <section className="panel-section" aria-labelledby="planner-canteens">
      <h3 id="planner-canteens">{t('planner.canteen.title')}</h3>
      <div className="field-row">
        <label htmlFor={catchmentId}>{t('planner.canteen.catchment')}</label>
        <select id={catchmentId} value={settings.catchmentM} onChange={(e) => setSettings({ ...settings, catchmentM: Number(e.target.value) })}>
          {CATCHMENTS_M.map((m) => (
            <option key={m} value={m}>
              {t('common.metres', { value: m })}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <label htmlFor={targetId}>{t('planner.canteen.target')}</label>
        <input
          id={targetId}
          type="number"
          min={0.5}
          max={50}
          step={0.5}
          value={settings.targetSeatsPer100}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isFinite(value) && value > 0) setSettings({ ...settings, targetSeatsPer100: value });
          }}
        />
      </div>
      <p className="hint">{t('planner.canteen.targetNote')}</p>
      <CanteenFigures canteens={result.canteens} />
    </section>
  );
}
