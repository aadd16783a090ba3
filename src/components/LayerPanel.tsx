import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CATEGORIES } from '../domain/taxonomy';
import type { MessageKey } from '../i18n';
import { useStore } from '../store';
import { MODE_LAYER_GROUPS, type LayerGroup } from '../store/uiSlice';
import { useT } from './useT';

const LAYER_LABEL: Record<LayerGroup, MessageKey> = {
  context: 'layers.context',
  communities: 'layers.communities',
  grids: 'layers.grids',
  network: 'layers.network',
  compounds: 'layers.compounds',
  buildings: 'layers.buildings',
  gates: 'layers.gates',
  facilities: 'layers.facilities',
  circles: 'layers.circles',
  compliance: 'layers.compliance',
  sites: 'layers.sites',
  coverage: 'layers.coverage',
  requests: 'layers.requests',
};

/** A switch for every map layer. */
export function LayerToggles() {
  const { layers, toggleLayer, mode } = useStore(useShallow((s) => ({ layers: s.layers, toggleLayer: s.toggleLayer, mode: s.mode })));
  const t = useT();
  return (
    <fieldset className="panel-section">
      <legend>{t('layers.title')}</legend>
      {MODE_LAYER_GROUPS[mode].map((group) => (
        <label key={group} className="check">
          <input type="checkbox" checked={layers[group]} onChange={() => toggleLayer(group)} />
          {t(LAYER_LABEL[group])}
        </label>
      ))}
    </fieldset>
  );
}

/** Facility categories of this dataset with their icons and counts; each can be hidden. */
export function Legend() {
  const { facilities, hidden, toggleCategory, setHidden, lang } = useStore(
    useShallow((s) => ({
      facilities: s.dataset?.facilities,
      hidden: s.hiddenCategories,
      toggleCategory: s.toggleCategory,
      setHidden: s.setHiddenCategories,
      lang: s.lang,
    })),
  );
  const t = useT();
  const counts = useMemo(() => {
    const byCategory = new Map<string, number>();
    for (const f of facilities?.features ?? []) byCategory.set(f.properties.category, (byCategory.get(f.properties.category) ?? 0) + 1);
    return byCategory;
  }, [facilities]);
  const present = CATEGORIES.filter((c) => counts.has(c.id));
  if (present.length === 0) return null;
  return (
    <fieldset className="panel-section legend">
      <legend>{t('legend.title')}</legend>
      <div className="legend-actions">
        <button type="button" className="btn btn-small" onClick={() => setHidden([])}>
          {t('legend.all')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setHidden(present.map((c) => c.id))}>
          {t('legend.none')}
        </button>
      </div>
      {present.map((category) => (
        <label key={category.id} className="check legend-item">
          <input type="checkbox" checked={!hidden.includes(category.id)} onChange={() => toggleCategory(category.id)} />
          <span className="legend-icon" style={{ background: category.color }} aria-hidden="true">
            {category.glyph}
          </span>
          <span className="legend-name">{lang === 'en' ? category.en : category.zh}</span>
          <span className="legend-count">{t('legend.count', { count: counts.get(category.id) ?? 0 })}</span>
        </label>
      ))}
    </fieldset>
  );
}
