import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import type { SiteWeight } from '../../domain/planner/siteSelection';
import { useStore } from '../../store';
import { ruleShortLabel } from './Charts';
import { localText, useRuleset } from './usePlanner';
import './messages';

/** For one rule, the k sites that newly serve the most residents (or elders), greedily; each can be tried as a what-if. */
export function SitesSection() {
  const s = useStore(
    useShallow((x) => ({ request: x.siteRequest, sites: x.sites, suggest: x.suggest, addChange: x.addChange, lang: x.lang, result: x.plannerResult })),
  );
  const ruleset = useRuleset();
  const t = useT();
  const candidates = ruleset.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule, index }) => rule.check === 'distance' && s.result?.compliance.rules[index]?.state === 'checked');
  // Start with the clinic rule that leaves the most elders out (the example), else the largest gap.
  const [ruleIndex, setRuleIndex] = useState<number>(() => {
    const unmet = (index: number) => s.result?.compliance.rules[index]?.unmet.elderly60 ?? 0;
    const byGap = [...candidates].sort((a, b) => unmet(b.index) - unmet(a.index));
    return (byGap.find((c) => c.rule.categories.includes('clinic') && unmet(c.index) > 0) ?? byGap[0])?.index ?? 0;
  });
  const [k, setK] = useState(3);
  const [weight, setWeight] = useState<SiteWeight>('elderly60');
  const ruleId = useId();
  const kId = useId();
  const chosen = candidates.some((c) => c.index === ruleIndex) ? ruleIndex : (candidates[0]?.index ?? 0);
  const active = s.request ? ruleset.rules[s.request.ruleIndex] : undefined;
  const nameOf = (id: string) => s.result?.compliance.compounds.find((c) => c.compound.id === id)?.compound;
  return (
    <section className="panel-section" aria-labelledby="planner-sites">
      <h3 id="planner-sites">{t('planner.sites.title')}</h3>
      <div className="field-row">
        <label htmlFor={ruleId}>{t('planner.sites.rule')}</label>
        <select id={ruleId} value={chosen} onChange={(e) => setRuleIndex(Number(e.target.value))}>
          {candidates.map(({ rule, index }) => (
            <option
              key={rule.id}
              value={index}
            >{`${localText(s.lang, ruleset.levels.find((l) => l.id === rule.level)!.name)} · ${ruleShortLabel(s.lang, rule)} ≤ ${rule.distanceM} m`}</option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <label htmlFor={kId}>{t('planner.sites.k')}</label>
        <input id={kId} type="number" min={1} max={10} value={k} onChange={(e) => setK(Math.min(10, Math.max(1, Math.round(Number(e.target.value)) || 1)))} />
      </div>
      <fieldset className="inline-radios">
        <legend>{t('planner.sites.weight')}</legend>
        {(['residents', 'elderly60'] as const).map((w) => (
          <label key={w} className="check">
            <input type="radio" name="planner-site-weight" checked={weight === w} onChange={() => setWeight(w)} />
            {t(w === 'residents' ? 'planner.sites.byResidents' : 'planner.sites.byElderly')}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <button type="button" className="btn" onClick={() => s.suggest({ ruleIndex: chosen, k, weight })}>
          {t('planner.sites.suggest')}
        </button>
        {s.request && (
          <button type="button" className="btn btn-small" onClick={() => s.suggest(null)}>
            {t('planner.sites.clear')}
          </button>
        )}
      </div>
      {active && s.sites.length === 0 && <p className="hint">{t('planner.sites.none')}</p>}
      {active && s.sites.length > 0 && (
        <ol className="site-list" aria-label={t('planner.sites.listLabel', { item: localText(s.lang, active.item) })}>
          {s.sites.map((site) => (
            <li key={site.rank}>
              <span className="site-rank" aria-hidden="true">
                {site.rank}
              </span>
              <span className="site-body">
                <strong>{t('planner.sites.covers', { residents: site.residents, elderly60: site.elderly60 })}</strong>
                <span className="hint">{site.compoundIds.map((id) => nameOf(id)?.name ?? id).join('、')}</span>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() =>
                    s.addChange({
                      kind: 'add-facility',
                      facility: { id: `site-${active.id}-${site.rank}-${site.point.join(',')}`, category: active.categories[0]!, point: site.point },
                    })
                  }
                >
                  {t('planner.sites.try')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="hint">{t('planner.sites.method')}</p>
    </section>
  );
}
