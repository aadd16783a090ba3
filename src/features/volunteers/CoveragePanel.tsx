import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { skillsPresent } from '../../domain/volunteers/skills';
import { weekTimeOf } from '../../domain/volunteers/time';
import { formatNumber } from '../../i18n';
import { useStore } from '../../store';
import { Field } from './Field';
import { timeZoneOf, volunteersOf } from '../../store/volunteersSlice';
import { formatMinuteOfDay, formatPercent, skillLabel } from './format';
import { UncoveredList } from './UncoveredList';
import { coverageKeyOf, useAvailability } from './useVolunteerEngine';
import './messages';

const WEEKDAYS = [
  'volunteers.day.mo',
  'volunteers.day.tu',
  'volunteers.day.we',
  'volunteers.day.th',
  'volunteers.day.fr',
  'volunteers.day.sa',
  'volunteers.day.su',
] as const;

/** The hour slider's step, minutes. */
const HOUR_STEP_MIN = 30;

/** Volunteer coverage for a skill and a time: who is available, the area, compounds and residents reached. */
export function CoveragePanel() {
  const { volunteers, skill, time, setSkill, setTime, coverage, coverageKey, lang, now, timeZone } = useStore(
    useShallow((s) => ({
      volunteers: volunteersOf(s),
      skill: s.coverageSkill,
      time: s.coverageTime,
      setSkill: s.setCoverageSkill,
      setTime: s.setCoverageTime,
      coverage: s.coverage,
      coverageKey: s.coverageKey,
      lang: s.lang,
      now: s.volNow,
      timeZone: timeZoneOf(s),
    })),
  );
  const t = useT();
  const id = useId();
  const skills = useMemo(() => skillsPresent(volunteers.map((v) => v.properties)), [volunteers]);
  const availability = useAvailability();
  const stale =
    coverageKey !==
    coverageKeyOf(
      skill,
      volunteers,
      availability.available.map((v) => v.properties.id),
    );
  if (volunteers.length === 0) {
    return (
      <section className="panel-section" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('volunteers.coverage.title')}</h2>
        <p className="hint">{t('volunteers.coverage.none')}</p>
      </section>
    );
  }
  const weekTime = time.kind === 'week' ? time : weekTimeOf(new Date(now), timeZone);
  // The slider moves in half hours: a time taken from the clock is shown and chosen on its step,
  // or the slider would sit on 20:00 while 20:25 is asked, and choosing 20:00 would change nothing.
  const sliderMinute = weekTime.minuteOfDay - (weekTime.minuteOfDay % HOUR_STEP_MIN);
  const share = (covered: number, total: number) => (total ? formatPercent(lang, covered / total) : '–');
  return (
    <section className="panel-section coverage-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('volunteers.coverage.title')}</h2>
      <Field label={t('volunteers.coverage.skill')}>
        {(id) => (
          <select id={id} value={skill ?? ''} onChange={(e) => setSkill(e.target.value || null)}>
            <option value="">{t('volunteers.coverage.anySkill')}</option>
            {skills.map((s) => (
              <option key={s} value={s}>
                {skillLabel(t, s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="time-choice">
        <legend>{t('volunteers.coverage.when')}</legend>
        <label className="check">
          <input type="radio" name={`${id}-time`} checked={time.kind === 'now'} onChange={() => setTime({ kind: 'now' })} />
          {t('volunteers.coverage.now')}
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-time`}
            checked={time.kind === 'week'}
            onChange={() => setTime({ kind: 'week', weekday: weekTime.weekday, minuteOfDay: sliderMinute })}
          />
          {t('volunteers.coverage.at')}
        </label>
        <div className="time-pickers">
          <select
            aria-label={t('volunteers.coverage.day')}
            value={weekTime.weekday}
            onChange={(e) => setTime({ kind: 'week', weekday: Number(e.target.value), minuteOfDay: weekTime.minuteOfDay })}
          >
            {WEEKDAYS.map((key, i) => (
              <option key={key} value={i}>
                {t(key)}
              </option>
            ))}
          </select>
          <input
            type="range"
            min={0}
            max={24 * 60 - HOUR_STEP_MIN}
            step={HOUR_STEP_MIN}
            aria-label={t('volunteers.coverage.hour')}
            aria-valuetext={formatMinuteOfDay(sliderMinute)}
            value={sliderMinute}
            onChange={(e) => setTime({ kind: 'week', weekday: weekTime.weekday, minuteOfDay: Number(e.target.value) })}
          />
          <output>{formatMinuteOfDay(time.kind === 'week' ? time.minuteOfDay : weekTime.minuteOfDay)}</output>
        </div>
      </fieldset>
      <p className="coverage-available" data-testid="coverage-available">
        {t(skill === null ? 'volunteers.coverage.availableAny' : 'volunteers.coverage.available', {
          count: availability.available.length,
          total: availability.withSkill,
        })}
      </p>
      {availability.withoutHours > 0 && <p className="hint">{t('volunteers.coverage.withoutHours', { count: availability.withoutHours })}</p>}
      {availability.unreadable.length > 0 && (
        <p className="hint">{t('volunteers.coverage.unreadable', { count: availability.unreadable.length, ids: availability.unreadable.join(', ') })}</p>
      )}
      {coverage ? (
        <div className={stale ? 'coverage-figures stale' : 'coverage-figures'} data-testid="coverage-figures" aria-busy={stale}>
          <p className="hint">{t(coverage.distance === 'network' ? 'volunteers.coverage.network' : 'volunteers.coverage.straight')}</p>
          <dl className="info-rows">
            <div className="info-row">
              <dt>{t('volunteers.coverage.area')}</dt>
              <dd>{t('volunteers.coverage.km2', { km2: formatNumber(lang, coverage.coveredAreaM2 / 1e6, 2) })}</dd>
            </div>
            <div className="info-row">
              <dt>{t('volunteers.coverage.compounds')}</dt>
              <dd data-testid="coverage-compounds">
                {t('volunteers.coverage.ofTotal', { count: coverage.covered.length, total: coverage.covered.length + coverage.uncovered.length })}
              </dd>
            </div>
            <div className="info-row">
              <dt>{t('volunteers.coverage.residents')}</dt>
              <dd>
                {t('volunteers.coverage.people', {
                  count: coverage.population.covered,
                  total: coverage.population.total,
                  share: share(coverage.population.covered, coverage.population.total),
                })}
              </dd>
            </div>
            <div className="info-row">
              <dt>{t('volunteers.coverage.elderly')}</dt>
              <dd>
                {t('volunteers.coverage.people', {
                  count: coverage.elderly60.covered,
                  total: coverage.elderly60.total,
                  share: share(coverage.elderly60.covered, coverage.elderly60.total),
                })}
              </dd>
            </div>
          </dl>
          <UncoveredList ids={coverage.uncovered} />
        </div>
      ) : (
        <p className="hint" role="status">
          {t('volunteers.coverage.computing')}
        </p>
      )}
    </section>
  );
}
