import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { allRulesets } from '../../domain/planner/rulesets';
import { useStore } from '../../store';
import { localText, useChosenRuleset } from './usePlanner';
import './messages';

/** Which standard every compound is checked against, with where it comes from and how sure we are. */
export function RulesetPicker() {
  const { setRuleset, lang } = useStore(useShallow((s) => ({ setRuleset: s.setRuleset, lang: s.lang })));
  const ruleset = useChosenRuleset();
  const t = useT();
  const id = useId();
  const unverified = ruleset.rules.filter((r) => !r.verified).length;
  return (
    <div className="ruleset-picker">
      <label htmlFor={id} className="field-label">
        {t('planner.ruleset.label')}
      </label>
      <select id={id} value={ruleset.id} onChange={(e) => setRuleset(e.target.value)}>
        {allRulesets().map((r) => (
          <option key={r.id} value={r.id}>
            {localText(lang, r.short)}
          </option>
        ))}
      </select>
      <p className="ruleset-meta">
        {t('planner.ruleset.meta', {
          name: localText(lang, ruleset.name),
          issuer: localText(lang, ruleset.issuer),
          date: ruleset.inForce ?? ruleset.approved,
          version: ruleset.version,
        })}
      </p>
      <details className="ruleset-notes">
        <summary>{t('planner.ruleset.notes')}</summary>
        {ruleset.notes.map((note) => (
          <p key={note.en} className="hint">
            {localText(lang, note)}
          </p>
        ))}
      </details>
      {unverified > 0 && <p className="unverified-note">{t('planner.ruleset.unverified', { count: unverified, total: ruleset.rules.length })}</p>}
    </div>
  );
}
