import { useEffect, useRef, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Dataset } from '../domain/dataset';
import { categoryOf } from '../domain/taxonomy';
import { formatDate, formatNumber, localName, type Lang, type MessageKey } from '../i18n';
import { useStore } from '../store';
import type { Picked } from '../store/selectionSlice';
import { useT } from './useT';

type Row = [MessageKey, ReactNode | undefined];

/** Title, kind and rows for the clicked feature; personal data (grid staff) is never listed. */
function describe(picked: Picked, dataset: Dataset, lang: Lang, t: ReturnType<typeof useT>): { title: string; kind: MessageKey; rows: Row[] } | null {
  const num = (n: number | undefined) => (n === undefined ? undefined : formatNumber(lang, n));
  const gridName = (id: string | undefined) => {
    const grid = id ? dataset.grids.features.find((g) => g.properties.id === id) : undefined;
    return grid ? localName(grid.properties, lang) : undefined;
  };
  switch (picked.kind) {
    case 'compound': {
      const p = dataset.compounds.features.find((f) => f.properties.id === picked.id)?.properties;
      if (!p) return null;
      const gates = dataset.gates.features.filter((g) => g.properties.compound_id === p.id).length;
      return {
        title: localName(p, lang),
        kind: 'info.compound',
        rows: [
          ['info.population', num(p.population)],
          ['info.elderly60', num(p.elderly60)],
          ['info.elderly80', num(p.elderly80)],
          ['info.households', num(p.households)],
          ['info.builtYear', p.built_year],
          ['info.propertyManagement', p.property_management === undefined ? undefined : t(p.property_management ? 'common.yes' : 'common.no')],
          ['info.gates', gates],
          ['info.inCommunity', gridName(p.community_id)],
          ['info.inGrid', gridName(p.grid_id)],
        ],
      };
    }
    case 'facility': {
      const p = dataset.facilities.features.find((f) => f.properties.id === picked.id)?.properties;
      if (!p) return null;
      const category = categoryOf(p.category);
      return {
        title: localName(p, lang),
        kind: 'info.facility',
        rows: [
          ['info.category', category ? (lang === 'en' ? category.en : category.zh) : p.category],
          ['info.openingHours', p.opening_hours],
          ['info.capacity', p.capacity === undefined ? undefined : t('info.seats', { count: p.capacity })],
          ['info.address', p.address],
          ['info.phone', p.phone && <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a>],
          ['info.lastVerified', p.last_verified && formatDate(lang, p.last_verified)],
        ],
      };
    }
    case 'gate': {
      const p = dataset.gates.features.find((f) => f.properties.id === picked.id)?.properties;
      if (!p) return null;
      const compound = dataset.compounds.features.find((c) => c.properties.id === p.compound_id);
      return { title: localName(p, lang), kind: 'info.gate', rows: [['info.ofCompound', compound && localName(compound.properties, lang)]] };
    }
    case 'grid': {
      const p = dataset.grids.features.find((f) => f.properties.id === picked.id)?.properties;
      if (!p) return null;
      return {
        title: localName(p, lang),
        kind: p.level === 'community' ? 'info.community' : 'info.grid',
        rows: [['info.parent', gridName(p.parent_id)]],
      };
    }
  }
}

/** The info card of the feature the user clicked on the map. */
export function InfoCard() {
  const { picked, dataset, lang, pick, selectCompound, compoundId, route, speed, showRoute } = useStore(
    useShallow((s) => ({
      picked: s.picked,
      dataset: s.dataset,
      lang: s.lang,
      pick: s.pick,
      selectCompound: s.selectCompound,
      compoundId: s.compoundId,
      route: s.route,
      speed: s.circles?.speedMPerMin ?? null,
      showRoute: s.showRoute,
    })),
  );
  const t = useT();
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    card.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [picked]);
  if (!picked || !dataset) return null;
  const info = describe(picked, dataset, lang, t);
  if (!info) return null;
  const compoundOfGate = picked.kind === 'gate' ? dataset.gates.features.find((g) => g.properties.id === picked.id)?.properties.compound_id : undefined;
  const circlesFor = picked.kind === 'compound' ? picked.id : compoundOfGate;
  return (
    <section ref={card} className="panel-section info-card" aria-labelledby="info-title">
      <header className="info-header">
        <div>
          <p className="info-kind">{t(info.kind)}</p>
          <h2 id="info-title">{info.title}</h2>
        </div>
        <button type="button" className="btn btn-small" onClick={() => pick(null)}>
          {t('common.close')}
        </button>
      </header>
      <dl className="info-rows">
        {info.rows
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([key, value]) => (
            <div key={key} className="info-row">
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {picked.kind === 'facility' && route?.facilityId === picked.id && speed && (
        <div className="route-summary" role="status">
          <strong>{t('route.title')}</strong> {t('route.summary', { minutes: formatNumber(lang, route.walkM / speed, 1), metres: Math.round(route.walkM) })}
          <button type="button" className="btn btn-small" onClick={() => showRoute(null)}>
            {t('route.clear')}
          </button>
        </div>
      )}
      {circlesFor && circlesFor !== compoundId && (
        <button type="button" className="btn" onClick={() => selectCompound(circlesFor)}>
          {t('info.showCircles')}
        </button>
      )}
    </section>
  );
}
