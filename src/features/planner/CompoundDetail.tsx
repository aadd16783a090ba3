import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import type { RuleResult, RuleStatus } from '../../domain/planner/compliance';
import { tallyOf, type StageTally } from '../../domain/planner/evidence';
import { levelOf, type Rule, type Ruleset } from '../../domain/planner/ruleset';
import { formatNumber, type Lang, type MessageKey } from '../../i18n';
import { useStore } from '../../store';
import { evidenceText, useEvidenceCounts } from './Evidence';
import { localText, metres, percent, useAreaName, useFacilityName, useRuleset } from './usePlanner';
import './messages';

export const STATUS_KEY: Record<RuleStatus, MessageKey> = {
  met: 'planner.status.met',
  unmet: 'planner.status.unmet',
  'no-data': 'planner.status.no-data',
  'not-checked': 'planner.status.not-checked',
};

/**
 * One rule's line: status, ▲/△, the item, its distance, the walk to the nearest qualifying
 * facility, the clause, and for a gap the residents' requests for its services.
 */
export function RuleLine({
  rule,
  result,
  ruleset,
  lang,
  evidence,
}: {
  rule: Rule;
  result: RuleResult;
  ruleset: Ruleset;
  lang: Lang;
  evidence?: StageTally | null;
}) {
  const t = useT();
  const facilityName = useFacilityName();
  const straight = useStore((s) => s.plannerNetwork === false);
  return (
    <li className={`rule-line status-${result.status}`}>
      <span className="status-chip">{t(STATUS_KEY[result.status])}</span>
      <span className="rule-body">
        <span className="rule-item">
          <span title={t(rule.mark === '▲' ? 'planner.rule.required' : 'planner.rule.asNeeded')}>{rule.mark}</span> {localText(lang, rule.item)}
          {!rule.verified && (
            <span className="unverified" title={t('planner.rule.unverifiedLong')}>
              {t('planner.rule.unverified')}
            </span>
          )}
        </span>
        <span className="rule-figures">
          {rule.distanceM !== null && t('planner.rule.within', { level: localText(lang, levelOf(ruleset, rule).name), metres: rule.distanceM })}
          {rule.check === 'distance' && result.status !== 'no-data' && (
            <>
              {' · '}
              {result.walkM === null
                ? t('planner.rule.unreachable')
                : t(straight ? 'planner.rule.straight' : 'planner.rule.walk', { metres: metres(lang, result.walkM), name: facilityName(result.facilityId) })}
              {result.proposed && ` ${t('planner.rule.proposed')}`}
            </>
          )}
          {rule.note && <span className="rule-note">{localText(lang, rule.note)}</span>}
        </span>
        {evidence && <span className={evidence.total > 0 ? 'rule-evidence has-requests' : 'rule-evidence'}>{evidenceText(t, lang, evidence)}</span>}
        <span className="rule-clause">{t('planner.rule.clause', { clause: rule.clause, document: ruleset.document })}</span>
      </span>
    </li>
  );
}

/** The selected compound checked against every rule: its gaps first, each with its clause. */
export function CompoundDetail() {
  const { compoundId, result, lang, setTool, tool, selectCompound } = useStore(
    useShallow((s) => ({
      compoundId: s.compoundId,
      result: s.plannerResult,
      lang: s.lang,
      setTool: s.setPlannerTool,
      tool: s.plannerTool,
      selectCompound: s.selectCompound,
    })),
  );
  const ruleset = useRuleset();
  const areaName = useAreaName();
  const t = useT();
  const counts = useEvidenceCounts();
  const index = result?.compliance.compounds.findIndex((c) => c.compound.id === compoundId) ?? -1;
  const c = index >= 0 ? result!.compliance.compounds[index]! : null;
  if (!c || !result) return <p className="hint">{t('planner.detail.hint')}</p>;
  const p = c.compound;
  const canteen = result.canteens.compounds[index]!;
  const lines = ruleset.rules.map((rule, k) => ({ rule, result: c.results[k]! }));
  const gaps = lines.filter((l) => l.result.status === 'unmet').sort((a, b) => (a.rule.mark === b.rule.mark ? 0 : a.rule.mark === '▲' ? -1 : 1));
  const others = lines.filter((l) => l.result.status !== 'unmet');
  const gateArmed = tool?.kind === 'add-gate' && tool.compoundId === p.id;
  return (
    <section className="compound-detail" aria-labelledby="planner-compound-title">
      <div className="info-header">
        <h3 id="planner-compound-title">{lang === 'en' ? (p.nameEn ?? p.name) : p.name}</h3>
        <button type="button" className="btn btn-small" onClick={() => selectCompound(null)}>
          {t('common.close')}
        </button>
      </div>
      <p className="hint">{[areaName(p.communityId), areaName(p.gridId)].filter(Boolean).join(' · ')}</p>
      <p>{t('planner.summary.people', { residents: p.population, elderly60: p.elderly60, elderly80: p.elderly80 })}</p>
      <p>
        {t('planner.detail.score', { score: percent(lang, c.score), met: c.metRequired, checked: c.metRequired + c.unmetRequired })}
        {' · '}
        {t('planner.detail.canteen', { seats: formatNumber(lang, canteen.seatsPer100, 2) })}
        {canteen.underServed && <strong className="warn"> {t('planner.canteen.underServed')}</strong>}
      </p>
      <h4>{t('planner.detail.gaps', { required: c.unmetRequired, optional: c.unmetOptional })}</h4>
      {gaps.length === 0 ? (
        <p className="hint">{t('planner.detail.noGaps')}</p>
      ) : (
        <ul className="rule-lines" aria-label={t('planner.detail.gapsLabel')}>
          {gaps.map((l) => (
            <RuleLine
              key={l.rule.id}
              rule={l.rule}
              result={l.result}
              ruleset={ruleset}
              lang={lang}
              evidence={counts && l.rule.categories.length > 0 ? tallyOf(counts, p.id, l.rule.categories) : null}
            />
          ))}
        </ul>
      )}
      <details>
        <summary>{t('planner.detail.allRules', { count: others.length })}</summary>
        <ul className="rule-lines">
          {others.map((l) => (
            <RuleLine key={l.rule.id} rule={l.rule} result={l.result} ruleset={ruleset} lang={lang} />
          ))}
        </ul>
      </details>
      <button type="button" className="btn" aria-pressed={gateArmed} onClick={() => setTool(gateArmed ? null : { kind: 'add-gate', compoundId: p.id })}>
        {t(gateArmed ? 'planner.whatIf.cancelTool' : 'planner.whatIf.addGate')}
      </button>
      {gateArmed && (
        <p className="tool-hint" role="status">
          {t('planner.whatIf.gateHint')}
        </p>
      )}
    </section>
  );
}
