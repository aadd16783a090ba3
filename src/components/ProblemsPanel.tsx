import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Problem } from '../domain/dataset';
import { useStore } from '../store';
import { problemMessage } from './problemMessage';
import { useT } from './useT';

/** "Data problems" badge: how many features were left out or need a look. */
export function ProblemsBadge() {
  const count = useStore((s) => s.problems.length);
  const setOpen = useStore((s) => s.setProblemsOpen);
  const t = useT();
  if (count === 0) return null;
  return (
    <button type="button" className="btn badge-problems" aria-haspopup="dialog" onClick={() => setOpen(true)}>
      {t('problems.badge', { count })}
    </button>
  );
}

function featureLabel(problem: Problem, t: ReturnType<typeof useT>): string {
  if (problem.id !== undefined) return problem.id;
  if (problem.index !== undefined) return t('problems.index', { index: String(problem.index) });
  return t('problems.wholeFile');
}

/** Every problem found while loading, as text: file, feature, field, message. */
export function ProblemsPanel() {
  const { open, problems, setOpen } = useStore(useShallow((s) => ({ open: s.problemsOpen, problems: s.problems, setOpen: s.setProblemsOpen })));
  const lang = useStore((s) => s.lang);
  const t = useT();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="dialog-backdrop" onClick={() => setOpen(false)}>
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby="problems-title"
        className="dialog"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      >
        <header className="dialog-header">
          <h2 id="problems-title">{t('problems.title', { count: problems.length })}</h2>
          <button ref={closeButton} type="button" className="btn" onClick={() => setOpen(false)}>
            {t('common.close')}
          </button>
        </header>
        <p>{problems.length ? t('problems.intro') : t('problems.none')}</p>
        <div className="table-scroll">
          <table className="problems">
            <thead>
              <tr>
                <th scope="col">{t('problems.file')}</th>
                <th scope="col">{t('problems.feature')}</th>
                <th scope="col">{t('problems.field')}</th>
                <th scope="col">{t('problems.message')}</th>
                <th scope="col">{t('problems.severity')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, i) => (
                <tr key={i} className={`severity-${problem.severity}`}>
                  <td>{problem.file}</td>
                  <td>{featureLabel(problem, t)}</td>
                  <td>{problem.field === '(file)' ? t('problems.wholeFile') : <code>{problem.field}</code>}</td>
                  <td>{problemMessage(problem, lang)}</td>
                  <td>{t(problem.severity === 'error' ? 'problems.error' : 'problems.warning')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
