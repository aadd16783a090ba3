import { canMoveProject, PROJECT_STATES, type Project, type ProjectState } from '../../../domain/volunteers/sandan';
import type { SandanNames } from '../../../domain/volunteers/sandanCsv';
import { useT } from '../../../components/useT';
import type { MessageKey } from '../../../i18n';
import type { SandanAnswer } from '../../../server/routes/sandan';
import { useStore } from '../../../store';
import type { Say } from './SandanPanel';
import '../messages';

interface Props {
  answer: SandanAnswer;
  names: SandanNames;
  say: Say;
}

/** 项目单: each project with its need, owner, due date, resources and state; overdue ones marked; moved on by buttons. */
export function ProjectsList({ answer, names, say }: Props) {
  const t = useT();
  const write = useStore((s) => s.sandanWrite);
  const move = async (project: Project, state: ProjectState) => {
    const result = await write<Project>(`api/sandan/projects/${encodeURIComponent(project.id)}`, { state });
    say(result.ok ? t('sandan.project.moved', { id: project.id, state: names.state(state) }) : t('sandan.failed', { reason: result.message }));
  };
  if (answer.projects.length === 0) return <p className="hint">{t('sandan.project.none')}</p>;
  return (
    <ul className="sandan-rows" aria-label={t('sandan.projects')}>
      {answer.projects.map((p) => (
        <li key={p.id} className={`sandan-row project-${p.state}${p.overdue ? ' overdue' : ''}`}>
          <strong>
            {p.title} <span className="sandan-state">{names.state(p.state)}</span>{' '}
            {p.overdue && <span className="sandan-overdue">{t('sandan.project.overdue')}</span>}
          </strong>
          <span className="hint">
            {t('sandan.project.line', { compound: names.compound(p.compoundId), need: names.need(p.need), owner: names.owner(p.ownerId), date: p.dueDate })}
          </span>
          {p.resources.length > 0 && <span className="hint">{t('sandan.project.uses', { list: p.resources.map(names.resource).join('、') })}</span>}
          <span className="sandan-actions">
            {PROJECT_STATES.filter((s) => s !== p.state && canMoveProject(p.state, s)).map((s) => (
              <button
                key={s}
                type="button"
                className="btn btn-small"
                onClick={() => void move(p, s)}
                aria-label={`${t(`sandan.project.to.${s}` as MessageKey)} ${p.title}`}
              >
                {t(`sandan.project.to.${s}` as MessageKey)}
              </button>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
