import { useLiveHall } from './liveHall';
import { useHallText } from './useHallText';

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
