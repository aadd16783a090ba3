import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { useStore } from '../../store';

/** For a compound with several gates: walk from all of them (nearest wins) or from one. */
export function GateSelect() {
  const { allGates, compoundId, gateId, setGate, lang } = useStore(
    useShallow((s) => ({ allGates: s.dataset?.gates.features, compoundId: s.compoundId, gateId: s.gateId, setGate: s.setGate, lang: s.lang })),
  );
  const gates = useMemo(() => allGates?.filter((g) => g.properties.compound_id === compoundId), [allGates, compoundId]);
  const t = useT();
  const id = useId();
  if (!gates || gates.length < 2) return null;
  return (
    <div className="gate-select">
      <label htmlFor={id} className="field-label">
        {t('gate.label')}
      </label>
      <select id={id} value={gateId ?? ''} onChange={(event) => setGate(event.target.value || null)}>
        <option value="">{t('gate.all')}</option>
        {gates.map((g) => (
          <option key={g.properties.id} value={g.properties.id}>
            {(lang === 'en' ? (g.properties.name_en ?? g.properties.name) : g.properties.name) ?? g.properties.id}
          </option>
        ))}
      </select>
    </div>
  );
}
