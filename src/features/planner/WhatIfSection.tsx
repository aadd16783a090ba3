import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { CANTEEN_CATEGORY } from '../../domain/planner/canteens';
import { CATEGORIES } from '../../domain/taxonomy';
import { useStore } from '../../store';
import { ChangeList } from './ChangeList';
import { CompareTable } from './CompareTable';
import { categoryLabel, useFacilityName, useRuleset } from './usePlanner';
import './messages';

/** Seats of a proposed canteen unless the planner says otherwise: the seeds' 60-seat canteen. */
const DEFAULT_SEATS = 60;

/** The scenario picker: baseline or a named scenario; new, rename, delete. */
function ScenarioBar() {
  const s = useStore(
    useShallow((x) => ({
      scenarios: x.scenarios,
      active: x.activeScenarioId,
      select: x.selectScenario,
      create: x.newScenario,
      rename: x.renameScenario,
      remove: x.deleteScenario,
    })),
  );
  const t = useT();
  const selectId = useId();
  const nameId = useId();
  const active = s.scenarios.find((x) => x.id === s.active);
  const label = (id: string, name: string) => name || t('planner.scenario.default', { n: s.scenarios.findIndex((x) => x.id === id) + 1 });
  return (
    <div className="scenario-bar">
      <label htmlFor={selectId} className="field-label">
        {t('planner.scenario.label')}
      </label>
      <div className="field-row">
        <select id={selectId} value={s.active ?? ''} onChange={(e) => s.select(e.target.value || null)}>
          <option value="">{t('planner.scenario.baseline')}</option>
          {s.scenarios.map((x) => (
            <option key={x.id} value={x.id}>
              {label(x.id, x.name)}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={s.create}>
          {t('planner.scenario.new')}
        </button>
      </div>
      {active && (
        <div className="field-row">
          <label htmlFor={nameId} className="visually-hidden">
            {t('planner.scenario.name')}
          </label>
          <input id={nameId} type="text" value={active.name} placeholder={label(active.id, '')} onChange={(e) => s.rename(active.id, e.target.value)} />
          <button type="button" className="btn btn-small" onClick={() => s.remove(active.id)}>
            {t('planner.scenario.delete')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Drop a facility of a category anywhere on the map (a canteen with its seats). */
function AddFacilityTool() {
  const { tool, setTool } = useStore(useShallow((s) => ({ tool: s.plannerTool, setTool: s.setPlannerTool })));
  const lang = useStore((s) => s.lang);
  const t = useT();
  const [category, setCategory] = useState('clinic');
  const [seats, setSeats] = useState(DEFAULT_SEATS);
  const categoryId = useId();
  const seatsId = useId();
  const armed = tool?.kind === 'add-facility';
  return (
    <div className="tool">
      <div className="field-row">
        <label htmlFor={categoryId}>{t('planner.whatIf.category')}</label>
        <select id={categoryId} value={category} onChange={(e) => setCategory(e.target.value)}>
          {CATEGORIES.map((c) => (
            <option key={c.id} value={c.id}>
              {categoryLabel(lang, c.id)}
            </option>
          ))}
        </select>
      </div>
      {category === CANTEEN_CATEGORY && (
        <div className="field-row">
          <label htmlFor={seatsId}>{t('planner.whatIf.seats')}</label>
          <input
            id={seatsId}
            type="number"
            min={1}
            max={1000}
            value={seats}
            onChange={(e) => setSeats(Math.max(1, Math.round(Number(e.target.value)) || DEFAULT_SEATS))}
          />
        </div>
      )}
      <button
        type="button"
        className={armed ? 'btn active' : 'btn'}
        aria-pressed={armed}
        onClick={() => setTool(armed ? null : { kind: 'add-facility', category, capacity: category === CANTEEN_CATEGORY ? seats : null })}
      >
        {t(armed ? 'planner.whatIf.cancelTool' : 'planner.whatIf.place')}
      </button>
      {armed && (
        <p className="tool-hint" role="status">
          {t('planner.whatIf.placeHint', { category: categoryLabel(lang, tool.category) })}
        </p>
      )}
    </div>
  );
}

/** A facility clicked on the map can be closed in the scenario. */
function PickedFacility() {
  const { picked, result, addChange } = useStore(useShallow((s) => ({ picked: s.picked, result: s.plannerResult, addChange: s.addChange })));
  const lang = useStore((s) => s.lang);
  const facilityName = useFacilityName();
  const t = useT();
  if (picked?.kind !== 'facility' || !result) return <p className="hint">{t('planner.whatIf.closeHint')}</p>;
  const entry = result.state.facilities.find((e) => e.facility.id === picked.id);
  if (!entry) return null;
  return (
    <div className="picked-facility">
      <p>
        <strong>{facilityName(picked.id)}</strong> · {categoryLabel(lang, entry.facility.category)}
      </p>
      {entry.open ? (
        <button type="button" className="btn" onClick={() => addChange({ kind: 'close-facility', facilityId: picked.id })}>
          {t('planner.whatIf.close')}
        </button>
      ) : (
        <p className="hint">{t('planner.whatIf.alreadyClosed')}</p>
      )}
    </div>
  );
}

export function WhatIfSection() {
  const s = useStore(
    useShallow((x) => ({
      scenarios: x.scenarios,
      active: x.activeScenarioId,
      effects: x.scenarioEffects,
      effectsFor: x.scenarioEffectsFor,
      undo: x.undoChange,
      baseline: x.baselineResult,
      result: x.plannerResult,
      ms: x.plannerMs.change,
    })),
  );
  const ruleset = useRuleset();
  const t = useT();
  const active = s.scenarios.find((x) => x.id === s.active);
  const name = active ? active.name || t('planner.scenario.default', { n: s.scenarios.indexOf(active) + 1 }) : '';
  return (
    <section className="panel-section" aria-labelledby="planner-what-if">
      <h3 id="planner-what-if">{t('planner.whatIf.title')}</h3>
      <ScenarioBar />
      <AddFacilityTool />
      <PickedFacility />
      {active && active.changes.length > 0 && (
        <>
          <ChangeList changes={active.changes} effects={s.effectsFor === active.changes ? s.effects : null} ruleset={ruleset} />
          <button type="button" className="btn btn-small" onClick={s.undo}>
            {t('planner.whatIf.undo')}
          </button>
          <p className="hint">{t('planner.whatIf.timing', { ms: s.ms.toFixed(1) })}</p>
        </>
      )}
      {active && s.baseline && s.result && <CompareTable baseline={s.baseline} scenario={s.result} ruleset={ruleset} name={name} />}
    </section>
  );
}
