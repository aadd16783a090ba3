import { REQUEST_STAGES } from '../../domain/dataset';
import type { Tracked } from './api';
import { formatDateTime, useReportText } from './i18n';

/** The six steps 收集→商议→协调→执行→公示→评价, the current one marked, each reached one dated. */
export function StageSteps({ tracked }: { tracked: Tracked }) {
  const { lang, t } = useReportText();
  const current = REQUEST_STAGES.indexOf(tracked.stage);
  const reachedAt = new Map(tracked.steps.map((s) => [s.stage, s.at]));
  return (
    <ol className="track-steps" aria-label={t('track.steps')}>
      {REQUEST_STAGES.map((stage, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        const at = i <= current ? reachedAt.get(stage) : undefined;
        return (
          <li key={stage} className={`track-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="track-step-dot" aria-hidden="true">
              {i + 1}
            </span>
            <span className="track-step-body">
              <span className="track-step-name">{t(`report.stage.${stage}`)}</span>
              {state === 'current' && <span className="track-step-long">{t(`report.stageLong.${stage}`)}</span>}
              <span className="track-step-state">
                {state === 'current' ? t('track.current') : state === 'done' ? t('track.done') : t('track.todo')}
                {at ? ` · ${formatDateTime(lang, at)}` : ''}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
