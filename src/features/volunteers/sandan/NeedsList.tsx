import { useState, type FormEvent } from 'react';
import type { NeedLine, Project } from '../../../domain/volunteers/sandan';
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

/** 需求单: one line per compound and need; a line becomes a project (立项) through a small form. */
export function NeedsList({ answer, names, say }: Props) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  if (answer.needs.length === 0) return <p className="hint">{t('sandan.needs.none')}</p>;
  return (
    <ul className="sandan-rows" aria-label={t('sandan.needs')}>
      {answer.needs.map((line) => (
        <li key={line.key} className={line.unmatched > 0 ? 'sandan-row unmatched' : 'sandan-row'}>
          <strong>
            {names.compound(line.compoundId)} · {names.need(line.need)}
          </strong>
          <span className="hint">
            {t('sandan.needs.line', { requests: line.requests, wishes: line.wishes, unmatched: line.unmatched, days: line.oldestDays })}
            {line.projects > 0 && ` · ${t('sandan.needs.projects', { count: line.projects })}`}
          </span>
          {line.compoundId && open !== line.key && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setOpen(line.key)}
              aria-label={`${t('sandan.needs.start')}: ${names.compound(line.compoundId)} · ${names.need(line.need)}`}
            >
              {t('sandan.needs.start')}
            </button>
          )}
          {open === line.key && <ProjectForm line={line} answer={answer} names={names} say={say} done={() => setOpen(null)} />}
        </li>
      ))}
    </ul>
  );
}

function ProjectForm({ line, answer, names, say, done }: { line: NeedLine; answer: SandanAnswer; names: SandanNames; say: Say; done(): void }) {
  const t = useT();
  const write = useStore((s) => s.sandanWrite);
  const me = useStore((s) => s.staff?.user.id);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const resources = data.getAll('resources').map((v) => {
      const [kind, ...id] = String(v).split(':');
      return { kind, id: id.join(':') };
    });
    setBusy(true);
    const result = await write<Project>('api/sandan/projects', {
      compoundId: line.compoundId,
      need: line.need,
      title: String(data.get('title') ?? ''),
      ownerId: Number(data.get('owner')),
      dueDate: String(data.get('due') ?? ''),
      resources,
    });
    setBusy(false);
    say(result.ok ? t('sandan.project.created', { id: result.data.id }) : t('sandan.failed', { reason: result.message }));
    if (result.ok) done();
  };
  const heading = t('sandan.project.form', { compound: names.compound(line.compoundId), need: names.need(line.need) });
  return (
    <form className="sandan-form" onSubmit={(e) => void submit(e)} aria-label={heading}>
      <label>
        {t('sandan.project.title')}
        <input name="title" required maxLength={80} />
      </label>
      <label>
        {t('sandan.project.owner')}
        <select name="owner" defaultValue={me}>
          {answer.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sandan.project.due')}
        <input name="due" type="date" required />
      </label>
      <label>
        {t('sandan.project.resources')}
        <select name="resources" multiple size={6}>
          {answer.resources.map((r) => (
            <optgroup key={r.key} label={r.kind === 'skill' ? names.need(r.group) : names.unitKind(r.group)}>
              {r.members.map((m) => (
                <option key={`${r.key}|${m.kind}:${m.id}`} value={`${m.kind}:${m.id}`}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <div className="sandan-actions">
        <button type="submit" className="btn btn-small" disabled={busy}>
          {t('sandan.project.create')}
        </button>
        <button type="button" className="btn btn-small" onClick={done}>
          {t('sandan.close')}
        </button>
      </div>
    </form>
  );
}
