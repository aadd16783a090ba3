import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { gapSummary } from '../../domain/hall/gapSummary';
import type { Slide } from '../../domain/hall/slides';
import type { HallStats } from '../../domain/hall/stats';
import { useStore } from '../../store';
import { Bilingual } from './Bilingual';
import { usePage } from './FitBox';
import type { HallText } from './useHallText';
import './messages';

type Props<K extends Slide['kind']> = { slide: Extract<Slide, { kind: K }>; stats: HallStats; text: HallText };

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** A bar with its label and value, as large as the panel allows. */
function Bar({ label, value, fraction, tone = 'good' }: { label: string; value: string; fraction: number; tone?: 'good' | 'gap' }) {
  return (
    <li className="hall-bar">
      <span className="hall-bar-label">{label}</span>
      <span className="hall-bar-track">
        <span className={`hall-bar-fill hall-bar-${tone}`} style={{ width: `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%` }} />
      </span>
      <span className="hall-bar-value">{value}</span>
    </li>
  );
}

/**
 * The slide's long list: all of it when it fits, else a page at a time (FitBox decides),
 * with "1 / 2" under it so that nobody thinks rows are missing.
 */
function PagedList({ className, items, text }: { className: string; items: ReactNode[]; text: HallText }) {
  const { visible, page, pages } = usePage(items.length);
  return (
    <>
      <ul className={className} data-hall-list={items.length}>
        {items.filter((_, i) => visible(i))}
      </ul>
      {pages > 1 && <p className="hall-page">{text.t('hall.page', { page: page + 1, pages })}</p>}
    </>
  );
}

export function OverviewFigures({ stats, text }: Props<'overview'>) {
  const essentials = useStore((s) => s.hallConfig.essentials);
  const gaps = gapSummary(stats, essentials);
  const total = stats.totals.population;
  return (
    <>
      <p className="hall-big">{text.t('hall.fig.compounds', { count: stats.totals.compounds })}</p>
      <p className="hall-fig">
        {text.t('hall.fig.residents', { count: total })} · {text.t('hall.fig.elderly', { count: stats.totals.elderly60 })}
      </p>
      <p className="hall-lead">
        <Bilingual
          text={text}
          k="hall.overview.complete"
          vars={(lang) => ({ share: text.percent(share(gaps.populationComplete, total), lang), n: essentials.length })}
        />
      </p>
      <h2 className="hall-h2">
        <Bilingual text={text} k="hall.overview.byCategory" />
      </h2>
      <PagedList
        className="hall-bars"
        text={text}
        items={essentials.map((c) => {
          const people = stats.coverage[c]?.population ?? 0;
          return <Bar key={c} label={text.category(c)} value={text.percent(share(people, total))} fraction={share(people, total)} />;
        })}
      />
    </>
  );
}

export function AreaFigures({ slide, stats, text }: Props<'area'>) {
  const { essentials, centreName } = useStore(
    useShallow((s) => {
      const area = s.hallAreas.find((a) => a.id === slide.areaId);
      const facility = area?.centreFacilityId ? s.dataset?.facilities.features.find((f) => f.properties.id === area.centreFacilityId) : undefined;
      return {
        essentials: s.hallConfig.essentials,
        centreName: (s.lang === 'en' ? facility?.properties.name_en : undefined) ?? facility?.properties.name ?? null,
      };
    }),
  );
  const area = stats.areas.find((a) => a.id === slide.areaId);
  if (!area) return null;
  return (
    <>
      <p className="hall-big">{text.t('hall.fig.compounds', { count: area.compoundIds.length })}</p>
      <p className="hall-fig">
        {text.t('hall.fig.residents', { count: area.population })} · {text.t('hall.fig.elderly', { count: area.elderly60 })}
      </p>
      <p className="hall-lead">{centreName ? text.t('hall.area.from', { place: centreName }) : text.t('hall.area.fromCentre')}</p>
      <h2 className="hall-h2">
        <Bilingual text={text} k="hall.area.within" />
      </h2>
      <PagedList
        className="hall-reach"
        text={text}
        items={essentials.map((c) => {
          const minutes = area.centreMinutes[c] ?? null;
          const within = minutes !== null && minutes <= stats.minutes;
          return (
            <li key={c} className={within ? 'hall-reach-yes' : 'hall-reach-no'}>
              <span className="hall-reach-mark" aria-hidden="true">
                {within ? '✓' : '✕'}
              </span>
              <span>{text.category(c)}</span>
              <span className="hall-reach-min">{within ? text.t('hall.minutes', { value: Math.max(1, Math.round(minutes)) }) : text.t('hall.area.none')}</span>
            </li>
          );
        })}
      />
    </>
  );
}

export function SpotlightFigures({ slide, stats, text }: Props<'spotlight'>) {
  const coverage = stats.coverage[slide.category];
  if (!coverage) return null;
  const { totals } = stats;
  const category = (lang: 'zh' | 'en') => ({ category: text.category(slide.category, lang) });
  return (
    <>
      <p className="hall-big">{text.t('hall.spot.compounds', { count: coverage.compounds, total: totals.compounds })}</p>
      <p className="hall-lead">
        <Bilingual text={text} k="hall.spot.compoundsNote" vars={category} />
      </p>
      <p className="hall-lead">
        {text.t('hall.spot.residents', { share: text.percent(share(coverage.population, totals.population)), count: coverage.population })}
      </p>
      <p className="hall-lead">
        {text.t('hall.spot.elderly', { share: text.percent(share(coverage.elderly60, totals.elderly60)), count: coverage.elderly60 })}
      </p>
      <p className="hall-fig">
        {coverage.capacity > 0 && slide.category === 'canteen'
          ? text.t('hall.spot.seats', { count: coverage.facilities, seats: coverage.capacity })
          : text.t('hall.spot.facilities', { count: coverage.facilities })}
      </p>
    </>
  );
}

export function GapsFigures({ stats, text }: Props<'gaps'>) {
  const essentials = useStore((s) => s.hallConfig.essentials);
  const gaps = gapSummary(stats, essentials);
  if (gaps.byCategory.length === 0) return <p className="hall-big">{text.t('hall.gaps.none')}</p>;
  const worst = gaps.byCategory[0]?.population ?? 1;
  return (
    <>
      <p className="hall-lead">{text.t('hall.gaps.complete', { count: gaps.compoundsComplete })}</p>
      <p className="hall-lead hall-warn">{text.t('hall.gaps.withGap', { count: gaps.compoundsWithGap, people: gaps.populationWithGap })}</p>
      <h2 className="hall-h2">
        <Bilingual text={text} k="hall.gaps.top" />
      </h2>
      <PagedList
        className="hall-bars"
        text={text}
        items={gaps.byCategory.slice(0, 6).map((g) => (
          <Bar
            key={g.category}
            label={text.category(g.category)}
            value={text.t('hall.gaps.row', { compounds: g.compounds, people: g.population })}
            fraction={share(g.population, worst)}
            tone="gap"
          />
        ))}
      />
    </>
  );
}

export { Bar, PagedList, share };
