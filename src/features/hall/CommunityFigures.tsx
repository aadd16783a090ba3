import type { PublicCount, RequestAggregate, VolunteerAggregate } from '../../domain/hall/community';
import { dateTimeFormat, htmlLang, type MessageKey } from '../../i18n';
import { Bilingual } from './Bilingual';
import { Bar, PagedList, share } from './Figures';
import type { HallText } from './useHallText';
import './messages';

const KNOWN_SKILLS = ['medical', 'escort', 'repair', 'errand', 'companionship', 'mediation'];
const skillLabel = (skill: string, text: HallText) => (KNOWN_SKILLS.includes(skill) ? text.t(`hall.skill.${skill}` as MessageKey) : skill);
const countText = (count: PublicCount, text: HallText) => (typeof count === 'number' ? text.number(count) : count);

/** Volunteer coverage: how many, of which kinds (fewer than five shown as "<5"), and residents reached. */
export function VolunteerFigures({ volunteers, text }: { volunteers: VolunteerAggregate; text: HallText }) {
  const covered = share(volunteers.population.covered, volunteers.population.total);
  const largest = Math.max(1, ...volunteers.bySkill.map((s) => (typeof s.count === 'number' ? s.count : 0)));
  return (
    <>
      <p className="hall-big">{text.t('hall.vol.total', { count: countText(volunteers.volunteers, text) })}</p>
      <p className="hall-lead">
        <Bilingual text={text} k="hall.vol.covered" vars={(lang) => ({ share: text.percent(covered, lang) })} />
      </p>
      <h2 className="hall-h2">
        <Bilingual text={text} k="hall.vol.bySkill" />
      </h2>
      <PagedList
        className="hall-bars"
        text={text}
        items={volunteers.bySkill.map((s) => (
          <Bar
            key={s.skill}
            label={skillLabel(s.skill, text)}
            value={text.t('hall.vol.people', { count: countText(s.count, text) })}
            fraction={typeof s.count === 'number' ? s.count / largest : 0}
          />
        ))}
      />
    </>
  );
}

/** Requests of the month by the stage they are at: a bar chart of counts, "<5" below five. */
export function RequestFigures({ requests, text, timeZone }: { requests: RequestAggregate; text: HallText; timeZone: string }) {
  // The last day counted: counting stops at the start of `until` in the dataset's zone.
  const lastDay = dateTimeFormat(htmlLang(text.lang), { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(Date.parse(requests.until) - 1);
  const largest = Math.max(1, ...requests.byStage.map((s) => (typeof s.count === 'number' ? s.count : 0)));
  return (
    <>
      <p className="hall-big">{text.t('hall.req.total', { count: countText(requests.total, text) })}</p>
      <ol className="hall-stages" aria-label={text.t('hall.slide.requests', { month: requests.month })}>
        {requests.byStage.map(({ stage, count }) => (
          <li key={stage} className="hall-stage">
            <span className="hall-stage-value">{countText(count, text)}</span>
            <span className="hall-stage-bar">
              <span
                className={typeof count === 'number' ? 'hall-stage-fill' : 'hall-stage-fill hall-stage-few'}
                style={{ height: `${typeof count === 'number' ? Math.round((count / largest) * 100) : 4}%` }}
              />
            </span>
            <span className="hall-stage-label">
              <Bilingual text={text} k={`hall.stage.${stage}` as MessageKey} />
            </span>
          </li>
        ))}
      </ol>
      <p className="hall-fig">{text.t('hall.req.until', { date: lastDay })}</p>
      <p className="hall-note">
        <Bilingual text={text} k="hall.req.note" />
      </p>
    </>
  );
}
