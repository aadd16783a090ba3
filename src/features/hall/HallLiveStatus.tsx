import { useLiveHall } from './liveHall';
import { Bilingual } from './Bilingual';
import { useHallText, type HallText } from './useHallText';
import './messages';

/** On the requests service: that the figures are live, or since when the live link is lost (the last figures stay). */
export function HallLiveStatus({ clockTime }: { clockTime: (ms: number) => string }) {
  const text = useHallText();
  const { link, receivedAt } = useLiveHall();
  if (receivedAt === null) return null;
  if (link.lostAt !== null) {
    return (
      <span className="hall-updated hall-stale" data-testid="hall-live" role="status">
        {text.t('live.hall.lost', { time: clockTime(link.lostAt), updated: clockTime(receivedAt) })}
      </span>
    );
  }
  return (
    <span className="hall-updated" data-testid="hall-live">
      {text.t('live.hall.on')} · {clockTime(receivedAt)}
    </span>
  );
}

/** 微心愿 done this month, thanked as a count (fewer than five shown as "<5"); only on the requests service. */
export function HallWishesDone({ text }: { text: HallText }) {
  const done = useLiveHall((s) => s.aggregates?.wishesDone ?? null);
  if (done === null) return null;
  const count = typeof done === 'number' ? text.number(done) : done;
  return (
    <p className="hall-lead" data-testid="hall-wishes">
      <Bilingual text={text} k="hall.wishesDone" vars={() => ({ count })} />
    </p>
  );
}
