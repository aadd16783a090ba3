import { useState, type FormEvent } from 'react';
import { UNIT_KINDS, type PartnerUnit } from '../../../domain/volunteers/sandan';
import type { SandanNames } from '../../../domain/volunteers/sandanCsv';
import { useT } from '../../../components/useT';
import type { SandanAnswer } from '../../../server/routes/sandan';
import { useStore } from '../../../store';
import type { Say } from './SandanPanel';
import '../messages';

interface Props {
  answer: SandanAnswer;
  names: SandanNames;
  say: Say;
}

/** 资源单: volunteers by skill with their weekly hours, partner units by kind; below, the units themselves, added and edited here. */
export function ResourcesList({ answer, names, say }: Props) {
  const t = useT();
  const write = useStore((s) => s.sandanWrite);
  const [editing, setEditing] = useState<PartnerUnit | null>(null);
  const toggle = async (unit: PartnerUnit) => {
    const result = await write<PartnerUnit>(`api/sandan/units/${encodeURIComponent(unit.id)}`, { active: !unit.active });
    say(result.ok ? t('sandan.unit.saved', { id: unit.name }) : t('sandan.failed', { reason: result.message }));
  };
  return (
    <>
      <ul className="sandan-rows" aria-label={t('sandan.resources')}>
        {answer.resources.map((line) => (
          <li key={line.key} className="sandan-row">
            <strong>{line.kind === 'skill' ? names.need(line.group) : names.unitKind(line.group)}</strong>
            <span className="hint">
              {line.kind === 'skill'
                ? [
                    t('sandan.res.skill', { volunteers: line.volunteers, hours: line.weeklyHours }),
                    line.openEnded > 0 ? t('sandan.res.openEnded', { count: line.openEnded }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : t('sandan.res.unit', { units: line.units, capacity: line.capacity })}
            </span>
          </li>
        ))}
      </ul>
      <h5>{t('sandan.units')}</h5>
      {answer.units.length === 0 ? (
        <p className="hint">{t('sandan.units.none')}</p>
      ) : (
        <ul className="sandan-rows" aria-label={t('sandan.units')}>
          {answer.units.map((u) => (
            <li key={u.id} className={u.active ? 'sandan-row' : 'sandan-row retired'}>
              <strong>{u.name}</strong>
              <span className="hint">
                {[
                  names.unitKind(u.kind),
                  u.offer,
                  u.capacity !== null ? t('sandan.res.unit', { units: 1, capacity: u.capacity }) : null,
                  u.hours,
                  names.compound(u.compoundId),
                  u.contact,
                  u.active ? null : t('sandan.unit.retired'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span className="sandan-actions">
                <button type="button" className="btn btn-small" onClick={() => setEditing(u)} aria-label={`${t('sandan.unit.edit')} ${u.name}`}>
                  {t('sandan.unit.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void toggle(u)}
                  aria-label={`${u.active ? t('sandan.unit.retire') : t('sandan.unit.restore')} ${u.name}`}
                >
                  {u.active ? t('sandan.unit.retire') : t('sandan.unit.restore')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <UnitForm key={editing?.id ?? 'new'} unit={editing} say={say} done={() => setEditing(null)} />
    </>
  );
}

const nullIfBlank = (v: FormDataEntryValue | null) => (v === null || !String(v).trim() ? null : String(v).trim());

function UnitForm({ unit, say, done }: { unit: PartnerUnit | null; say: Say; done(): void }) {
  const t = useT();
  const write = useStore((s) => s.sandanWrite);
  const compounds = useStore((s) => s.dataset?.compounds.features ?? []);
  const lang = useStore((s) => s.lang);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const capacity = nullIfBlank(data.get('capacity'));
    const compoundId = String(data.get('compound') ?? '');
    const body = {
      name: String(data.get('name') ?? ''),
      kind: String(data.get('kind') ?? ''),
      offer: String(data.get('offer') ?? ''),
      capacity: capacity === null ? null : Number(capacity),
      hours: nullIfBlank(data.get('hours')),
      contact: nullIfBlank(data.get('contact')),
      // An edit that keeps the compound keeps the place as it was (a point stays a point).
      ...(unit && compoundId === (unit.compoundId ?? '') ? {} : { compoundId }),
    };
    setBusy(true);
    const result = await write<PartnerUnit>(unit ? `api/sandan/units/${encodeURIComponent(unit.id)}` : 'api/sandan/units', body);
    setBusy(false);
    say(result.ok ? t('sandan.unit.saved', { id: result.data.name }) : t('sandan.failed', { reason: result.message }));
    if (!result.ok) return;
    form.reset();
    done();
  };
  const heading = unit ? t('sandan.unit.editing', { name: unit.name }) : t('sandan.unit.add');
  return (
    <form className="sandan-form" onSubmit={(e) => void submit(e)} aria-label={heading}>
      <h5>{heading}</h5>
      <label>
        {t('sandan.unit.name')}
        <input name="name" required maxLength={60} defaultValue={unit?.name} />
      </label>
      <label>
        {t('sandan.unit.kind')}
        <select name="kind" defaultValue={unit?.kind ?? 'venue'}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sandan.unit.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sandan.unit.offer')}
        <input name="offer" maxLength={200} defaultValue={unit?.offer} />
      </label>
      <label>
        {t('sandan.unit.capacity')}
        <input name="capacity" type="number" min={0} max={100000} defaultValue={unit?.capacity ?? ''} />
      </label>
      <label>
        {t('sandan.unit.hours')}
        <input name="hours" maxLength={100} defaultValue={unit?.hours ?? ''} />
      </label>
      <label>
        {t('sandan.unit.compound')}
        <select name="compound" required defaultValue={unit?.compoundId ?? ''}>
          <option value="" disabled>
            —
          </option>
          {compounds.map((c) => (
            <option key={c.properties.id} value={c.properties.id}>
              {(lang === 'en' ? c.properties.name_en : undefined) ?? c.properties.name ?? c.properties.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sandan.unit.contact')}
        <input name="contact" maxLength={100} defaultValue={unit?.contact ?? ''} />
      </label>
      <div className="sandan-actions">
        <button type="submit" className="btn btn-small" disabled={busy}>
          {t('sandan.unit.save')}
        </button>
        {unit && (
          <button type="button" className="btn btn-small" onClick={done}>
            {t('sandan.unit.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
