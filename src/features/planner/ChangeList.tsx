import { useT } from '../../components/useT';
import type { Ruleset } from '../../domain/planner/ruleset';
import type { Change, RuleChange } from '../../domain/planner/whatIf';
import { useStore } from '../../store';
import { ruleShortLabel } from './Charts';
import { categoryLabel, localText, useFacilityName } from './usePlanner';
import './messages';

/** "社区卫生服务站 ▲: +3 compounds, +2,100 residents, +540 aged 60+" per rule a change moved. */
export function EffectLines({ effects, ruleset }: { effects: RuleChange[]; ruleset: Ruleset }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  if (effects.length === 0) return <p className="hint">{t('planner.whatIf.noEffect')}</p>;
  return (
    <ul className="effects">
      {effects.map((e) => {
        const rule = ruleset.rules[e.ruleIndex]!;
        const level = ruleset.levels.find((l) => l.id === rule.level)!;
        return (
          <li key={rule.id}>
            <span className="effect-rule">{`${localText(lang, level.name)} · ${ruleShortLabel(lang, rule)}`}</span>
            {e.gained.compounds > 0 && (
              <span className="delta up">
                {t('planner.whatIf.gained', { compounds: e.gained.compounds, residents: e.gained.residents, elderly60: e.gained.elderly60 })}
              </span>
            )}
            {e.lost.compounds > 0 && (
              <span className="delta down">
                {t('planner.whatIf.lost', { compounds: e.lost.compounds, residents: e.lost.residents, elderly60: e.lost.elderly60 })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The changes of the active scenario, in order, each with what it did. */
/** `effects` is null while the walking session has not answered for these changes yet. */
export function ChangeList({ changes, effects, ruleset }: { changes: Change[]; effects: RuleChange[][] | null; ruleset: Ruleset }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const compounds = useStore((s) => s.dataset?.compounds);
  const facilityName = useFacilityName();
  const compoundName = (id: string) => {
    const p = compounds?.features.find((c) => c.properties.id === id)?.properties;
    return (lang === 'en' ? p?.name_en : undefined) ?? p?.name ?? id;
  };
  const describe = (change: Change): string => {
    switch (change.kind) {
      case 'add-facility':
        return t(change.facility.capacity === undefined ? 'planner.whatIf.addedFacility' : 'planner.whatIf.addedCanteen', {
          category: categoryLabel(lang, change.facility.category),
          seats: change.facility.capacity ?? 0,
        });
      case 'close-facility':
        return t('planner.whatIf.closedFacility', { name: facilityName(change.facilityId) });
      case 'add-gate':
        return t('planner.whatIf.addedGate', { name: compoundName(change.compoundId) });
    }
  };
  return (
    <ol className="change-list" aria-label={t('planner.whatIf.changes')}>
      {changes.map((change, k) => (
        <li key={k}>
          <strong>{describe(change)}</strong>
          {effects ? (
            <EffectLines effects={effects[k] ?? []} ruleset={ruleset} />
          ) : (
            <p className="hint" role="status">
              {t('planner.whatIf.computing')}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
