import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import { skillLabel, volunteerLabel } from './format';
import './messages';

/** Volunteers with the skill the request calls for, available now, nearest on foot first. */
export function MatchList({ requestId }: { requestId: string }) {
  const { matches, lang } = useStore(useShallow((s) => ({ matches: s.matches?.requestId === requestId ? s.matches : null, lang: s.lang })));
  const t = useT();
  if (!matches || matches.candidates === null)
    return (
      <p className="hint" role="status">
        {t('volunteers.match.computing')}
      </p>
    );
  if (!matches.skill) return <p className="hint">{t('volunteers.match.noSkill')}</p>;
  const skill = skillLabel(t, matches.skill);
  return (
    <div className="matches">
      <h3>{t('volunteers.match.title', { skill })}</h3>
      {matches.candidates.length === 0 ? (
        <p className="hint">{t('volunteers.match.none', { skill })}</p>
      ) : (
        <ol className="match-list" aria-label={t('volunteers.match.title', { skill })}>
          {matches.candidates.map((c) => (
            <li key={c.volunteer.id} className={c.withinRadius ? undefined : 'beyond'}>
              <span className="match-name">{volunteerLabel(c.volunteer)}</span>
              {c.volunteer.team && <span className="hint"> · {c.volunteer.team}</span>}
              <span className="match-walk">
                {c.minutes === null
                  ? t('volunteers.match.unreachable')
                  : t('volunteers.match.walk', { minutes: formatNumber(lang, c.minutes, 1), metres: Math.round(c.walkM ?? 0) })}
                {c.minutes !== null && !c.withinRadius && ` · ${t('volunteers.match.beyond')}`}
              </span>
              {c.volunteer.phone && (
                <a className="match-phone" href={`tel:${c.volunteer.phone.replace(/[^\d+]/g, '')}`}>
                  {c.volunteer.phone}
                </a>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
