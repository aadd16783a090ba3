import { useShallow } from 'zustand/react/shallow';
import { dateTimeFormat, htmlLang } from '../../i18n';
import { useStore } from '../../store';
import { currentSlide } from '../../store/hallSlice';
import { useNow } from '../resident/useNow';
import { Bilingual } from './Bilingual';
import { useHallCommunity } from './liveHall';
import { slideTitle } from './slideTitle';
import { useHallText } from './useHallText';
import './messages';

const DEFAULT_ZONE = 'Asia/Shanghai';

/** The screen's title (what this view shows), the place, and the current date and time. */
export function HallHeader() {
  const text = useHallText();
  const { slide, areas, manifest } = useStore(useShallow((s) => ({ slide: currentSlide(s), areas: s.hallAreas, manifest: s.dataset?.manifest })));
  const community = useHallCommunity();
  const now = useNow();
  const timeZone = manifest?.timezone ?? DEFAULT_ZONE;
  const locale = htmlLang(text.lang);
  const time = dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  const date = dateTimeFormat(locale, { timeZone, month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  const title = slide && slideTitle(slide, areas, community);
  const place = manifest ? (text.lang === 'en' ? (manifest.name.en ?? manifest.name.zh) : manifest.name.zh) : '';
  return (
    <header className="hall-header">
      <div className="hall-heading">
        <p className="hall-place">
          {text.t('hall.screenTitle')} · {place}
          {manifest?.synthetic && <span className="hall-synthetic">{text.t('data.synthetic')}</span>}
        </p>
        {title && (
          <h1 className="hall-title" aria-live="polite">
            <Bilingual text={text} k={title.key} vars={title.vars} />
          </h1>
        )}
      </div>
      <div className="hall-now">
        <time className="hall-time" dateTime={now.toISOString()}>
          {time}
        </time>
        <span className="hall-date">{date}</span>
      </div>
    </header>
  );
}
