import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { currentSlide } from '../../store/hallSlice';
import { RequestFigures, VolunteerFigures } from './CommunityFigures';
import { AreaFigures, GapsFigures, OverviewFigures, SpotlightFigures } from './Figures';
import { FitBox } from './FitBox';
import { HallLegend } from './HallLegend';
import { HallQr } from './HallQr';
import { HallWishesDone } from './HallLiveStatus';
import { useHallCommunity } from './liveHall';
import { residentUrl } from './slideUrl';
import { useHallText } from './useHallText';
import './messages';

/** The side (or, upright, lower) panel: the screen's key figures, its legend, and its QR code. */
export function HallPanel() {
  const text = useHallText();
  const { slide, stats, areas, speed, timeZone } = useStore(
    useShallow((s) => ({
      slide: currentSlide(s),
      stats: s.hallStats,
      areas: s.hallAreas,
      speed: s.hallStats?.speedMPerMin ?? 60,
      timeZone: s.dataset?.manifest.timezone ?? 'Asia/Shanghai',
    })),
  );
  const community = useHallCommunity();
  const url = useMemo(() => residentUrl(window.location.href, slide, areas, text.lang), [slide, areas, text.lang]);
  if (!slide) return null;
  let figures = null;
  if (stats) {
    if (slide.kind === 'overview') figures = <OverviewFigures slide={slide} stats={stats} text={text} />;
    else if (slide.kind === 'area') figures = <AreaFigures slide={slide} stats={stats} text={text} />;
    else if (slide.kind === 'spotlight') figures = <SpotlightFigures slide={slide} stats={stats} text={text} />;
    else if (slide.kind === 'gaps') figures = <GapsFigures slide={slide} stats={stats} text={text} />;
  }
  if (slide.kind === 'volunteers' && community?.volunteers) figures = <VolunteerFigures volunteers={community.volunteers} text={text} />;
  if (slide.kind === 'requests' && community?.requests) {
    figures = (
      <>
        <RequestFigures requests={community.requests} text={text} timeZone={timeZone} />
        <HallWishesDone text={text} />
      </>
    );
  }
  return (
    <aside className="hall-panel" aria-label={text.t('hall.legend.title')}>
      <FitBox key={slide.key} fitKey={`${slide.key}|${text.lang}|${stats ? 'stats' : ''}|${community ? 'community' : ''}`}>
        {figures ?? (
          <p className="hall-fig" role="status">
            {text.t('hall.computing')}
          </p>
        )}
        {stats && slide.kind !== 'requests' && <p className="hall-note">{stats.network ? text.t('hall.network', { speed }) : text.t('hall.straightLine')}</p>}
      </FitBox>
      <div className="hall-panel-foot">
        <HallLegend slide={slide} text={text} />
        <HallQr url={url} text={text} />
      </div>
    </aside>
  );
}
