import { useShallow } from 'zustand/react/shallow';
import { dateTimeFormat, formatDate, htmlLang } from '../../i18n';
import { useStore } from '../../store';
import { slideDurationsMs } from '../../store/hallSlice';
import { HallLiveStatus } from './HallLiveStatus';
import { useHallText } from './useHallText';
import './messages';

/**
 * The data's "as of" date, when it was last read (or that reading fails and since when the
 * data is kept), the position in the playlist, the pause, and the screen's time as a bar.
 */
export function HallFooter() {
  const text = useHallText();
  const s = useStore(
    useShallow((st) => ({
      asOf: st.dataset?.manifest.dataAsOf,
      timeZone: st.dataset?.manifest.timezone ?? 'Asia/Shanghai',
      updatedAt: st.hallUpdatedAt,
      failedAt: st.hallReadFailedAt,
      clock: st.hallClock,
      count: st.hallSlides.length,
      durationMs: slideDurationsMs(st)[st.hallClock.index] ?? 0,
      problems: st.hallProblems.length,
      otherHost: st.source && !st.source.isDefault ? st.source.host : null,
    })),
  );
  const clockTime = (ms: number) =>
    dateTimeFormat(htmlLang(text.lang), { timeZone: s.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const paused = s.clock.pausedAtMs !== null;
  // The bar restarts with each screen (key) and runs for what is left of it.
  const leftMs = Math.max(0, s.clock.startedAtMs + s.durationMs - (s.clock.pausedAtMs ?? Date.now()));
  const doneShare = s.durationMs > 0 ? 1 - leftMs / s.durationMs : 1;
  return (
    <footer className="hall-footer">
      {s.otherHost && (
        <span className="hall-stale" data-testid="data-source-notice">
          {text.t('hall.dataFrom', { host: s.otherHost })}
        </span>
      )}
      {s.asOf && <span className="hall-asof">{text.t('hall.asOf', { date: formatDate(text.lang, s.asOf) })}</span>}
      {s.updatedAt !== null && (
        <span className={s.failedAt !== null ? 'hall-updated hall-stale' : 'hall-updated'} data-testid="hall-updated">
          {s.failedAt !== null ? text.t('hall.offline', { time: clockTime(s.updatedAt) }) : text.t('hall.updated', { time: clockTime(s.updatedAt) })}
        </span>
      )}
      <HallLiveStatus clockTime={clockTime} />
      {paused && (
        <span className="hall-paused" role="status">
          {text.t('hall.paused')}
        </span>
      )}
      {s.problems > 0 && <span className="hall-problems">{text.t('hall.problems', { count: s.problems })}</span>}
      <span className="hall-position">{text.t('hall.position', { n: s.clock.index + 1, total: s.count })}</span>
      <div className="hall-progress-track" aria-hidden="true">
        <div
          key={`${s.clock.index}-${s.clock.startedAtMs}`}
          className="hall-progress"
          style={{ animationDuration: `${leftMs}ms`, animationPlayState: paused ? 'paused' : 'running', ['--hall-done' as string]: doneShare.toFixed(3) }}
        />
      </div>
    </footer>
  );
}
