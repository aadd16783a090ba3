import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../../components/useT';
import type { BuildingContact, Contact } from '../../../data/buildingContacts';
import type { BuildingFigures, GridFigures } from '../../../domain/buildings/figures';
import { formatNumber } from '../../../i18n';
import { useStore } from '../../../store';
import { serverActive } from '../../../store/serverSlice';
import { call } from '../../../store/staffApi';
import '../messages';

/** What GET /api/staff/grid-figures answers: each building with its contacts (staff in scope only). */
export type BuildingRow = BuildingFigures & { contacts: BuildingContact | null };
export type GridRow = Omit<GridFigures, 'buildings'> & { buildings: BuildingRow[] };

type Loaded = { state: 'loading' } | { state: 'failed'; reason: string } | { state: 'ready'; grids: GridRow[] };

/**
 * The four-level grid for workers (社区 → 网格 → 小区 → 楼栋): per grid and per building, open
 * requests, overdue, small wishes not yet done and elders living there, with each building's
 * 楼栋党小组 leader and 党员中心户. The server cuts everything to the worker's scope; it is read
 * again whenever the ledger changes (live events). Names and phones are shown as text only.
 */
export function GridFiguresPanel() {
  const { staff, active, ledger, lang } = useStore(useShallow((s) => ({ staff: s.staff, active: serverActive(s), ledger: s.serverLedger, lang: s.lang })));
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const role = staff?.user.role;
  const shown = active && role !== undefined && role !== 'volunteer';
  useEffect(() => {
    if (!shown) return;
    let live = true;
    void call<{ grids: GridRow[] }>('api/staff/grid-figures').then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { state: 'ready', grids: result.data.grids } : { state: 'failed', reason: result.message });
    });
    return () => {
      live = false;
    };
  }, [shown, ledger, staff?.user.id]);
  if (!shown) return null;
  const n = (value: number | null) => (value === null ? '–' : formatNumber(lang, value));

  return (
    <section className="panel-section grid-figures" aria-labelledby="grid-figures-title">
      <h3 id="grid-figures-title">{t('buildings.title')}</h3>
      <p className="hint">{t('buildings.intro')}</p>
      {loaded.state === 'loading' && <p role="status">{t('buildings.loading')}</p>}
      {loaded.state === 'failed' && <p role="alert">{t('buildings.failed', { reason: loaded.reason })}</p>}
      {loaded.state === 'ready' && loaded.grids.length === 0 && <p>{t('buildings.none')}</p>}
      {loaded.state === 'ready' && loaded.grids.length > 0 && (
        <>
          <table className="grid-figures-table">
            <thead>
              <tr>
                <th scope="col">{t('buildings.grid')}</th>
                <th scope="col">{t('buildings.open')}</th>
                <th scope="col">{t('buildings.overdue')}</th>
                <th scope="col">{t('buildings.wishes')}</th>
                <th scope="col">{t('buildings.elders')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.grids.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.name}</th>
                  <td>{n(g.openRequests)}</td>
                  <td>{n(g.overdue)}</td>
                  <td>{n(g.openWishes)}</td>
                  <td>{n(g.elderly60)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded.grids.map((g) => (
            <details key={g.id} className="grid-buildings">
              <summary>
                {g.name} · {t('buildings.count', { count: g.buildings.length })}
              </summary>
              {g.buildings.length === 0 ? (
                <p>{t('buildings.noBuildings')}</p>
              ) : (
                <table className="grid-figures-table" aria-label={`${g.name} ${t('buildings.building')}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t('buildings.building')}</th>
                      <th scope="col">{t('buildings.open')}</th>
                      <th scope="col">{t('buildings.overdue')}</th>
                      <th scope="col">{t('buildings.wishes')}</th>
                      <th scope="col">{t('buildings.elders')}</th>
                      <th scope="col">{t('buildings.households')}</th>
                      <th scope="col">{t('buildings.contacts')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.buildings.map((b) => (
                      <tr key={b.id}>
                        <th scope="row">{b.name}</th>
                        <td>{n(b.openRequests)}</td>
                        <td>{n(b.overdue)}</td>
                        <td>{n(b.openWishes)}</td>
                        <td>{n(b.elderly60)}</td>
                        <td>{n(b.households)}</td>
                        <td>
                          <Contacts contacts={b.contacts} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {(g.withoutBuilding.openRequests > 0 || g.withoutBuilding.openWishes > 0) && (
                <p className="hint">{t('buildings.withoutBuilding', { open: g.withoutBuilding.openRequests, wishes: g.withoutBuilding.openWishes })}</p>
              )}
            </details>
          ))}
        </>
      )}
    </section>
  );
}

function Contacts({ contacts }: { contacts: BuildingContact | null }) {
  const t = useT();
  const people: { label: string; who: Contact }[] = [
    ...(contacts?.leader ? [{ label: t('buildings.leader'), who: contacts.leader }] : []),
    ...(contacts?.centre_households ?? []).map((who) => ({ label: t('buildings.centre'), who })),
  ];
  if (people.length === 0) return <span className="hint">{t('buildings.noContacts')}</span>;
  return (
    <ul className="building-contacts">
      {people.map(({ label, who }, i) => (
        <li key={i}>
          {label}：{who.name ?? '–'}
          {who.phone && (
            <>
              {' '}
              <a href={`tel:${who.phone}`}>{who.phone}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
