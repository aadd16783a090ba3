import type { PublicVote } from './api';
import { formatDateTime, useReportText } from './i18n';

/**
 * A vote's question and where it stands: before the close only how many ballots were cast;
 * after it, every option with its count (text only, never markup).
 */
export function VoteResult({ vote, heading }: { vote: PublicVote; heading: 'h2' | 'h3' }) {
  const { lang, t } = useReportText();
  const H = heading;
  const total = vote.result?.reduce((n, r) => n + r.count, 0) ?? 0;
  return (
    <section className="vote-result" aria-label={t('vote.result')}>
      <H className="vote-question">{vote.question}</H>
      <p className="report-hint">
        {vote.state === 'closed'
          ? t('vote.closedAt', { date: formatDateTime(lang, vote.closed_at ?? vote.deadline) })
          : t('vote.deadline', { date: formatDateTime(lang, vote.deadline) })}
        {' · '}
        {t('vote.ballots', { n: vote.ballots })}
      </p>
      {vote.result ? (
        total === 0 ? (
          <p>{t('vote.noBallots')}</p>
        ) : (
          <ul className="vote-counts">
            {vote.result.map((r) => (
              <li key={r.option}>
                <span className="vote-option">{r.option}</span>
                <span className="vote-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round((100 * r.count) / total)}%` }} />
                </span>
                <span className="vote-count">{t('vote.count', { n: r.count })}</span>
              </li>
            ))}
          </ul>
        )
      ) : (
        <p className="report-hint">{t('vote.resultHidden')}</p>
      )}
    </section>
  );
}
