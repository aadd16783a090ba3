import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { formatNumber } from '../../i18n';
import { theme } from '../../map/theme';
import { useStore } from '../../store';
import { mapSnapshot } from '../../map/snapshot';
import { GateSelect } from './GateSelect';
import { PrintButton } from './PrintCard';
import { ShareButton } from './ShareDialog';

/** The selected origin's walking areas, the straight-line circles and what they overclaim. */
export function CirclesPanel() {
  const { circles, dataset, lang, walk, walkStatus, profile, selectCompound } = useStore(
    useShallow((s) => ({
      circles: s.circles,
      dataset: s.dataset,
      lang: s.lang,
      walk: s.walk,
      walkStatus: s.walkStatus,
      profile: s.profile,
      selectCompound: s.selectCompound,
    })),
  );
  const t = useT();
  if (!circles || !dataset) return <p className="panel-section hint">{t('circles.hint')}</p>;
  const compound = circles.compoundId ? dataset.compounds.features.find((c) => c.properties.id === circles.compoundId)?.properties : undefined;
  const name = compound ? ((lang === 'en' ? (compound.name_en ?? compound.name) : compound.name) ?? compound.id) : null;
  const bands = [...circles.bandMinutes].sort((a, b) => a - b).map((minutes) => ({ minutes, radiusM: circles.speedMPerMin * minutes }));
  const bandText = bands.map((b) => t('circles.band', { minutes: b.minutes, metres: b.radiusM })).join(lang === 'en' ? ', ' : '、');
  const maxMinutes = Math.max(...circles.bandMinutes);
  const share = walk?.overclaim.share ?? 0;
  return (
    <section className="panel-section circles-panel" aria-labelledby="circles-title">
      <h2 id="circles-title">{name ? t('circles.title', { name }) : t('walk.titlePoint')}</h2>
      <GateSelect />
      <p className="hint">{t(profile === 'elder' ? 'walk.elder' : 'walk.standard', { speed: circles.speedMPerMin })}</p>
      {walkStatus === 'no-network' ? (
        <p className="notice-inline" role="status">
          {t('walk.noNetwork')}
        </p>
      ) : (
        <>
          <p className="circles-kind">{t('walk.network')}</p>
          <p className="hint">{t('walk.networkNote', { bands: circles.bandMinutes.join(' / ') })}</p>
          {walkStatus === 'running' && !walk && (
            <p className="hint" role="status">
              {t('walk.computing')}
            </p>
          )}
          {walk && (
            <p className="overclaim" data-testid="overclaim">
              {share >= 0.005
                ? t('walk.overclaim', { minutes: maxMinutes, share: `${formatNumber(lang, share * 100)}%` })
                : t('walk.overclaimNone', { minutes: maxMinutes })}
            </p>
          )}
        </>
      )}
      <ul className="bands" aria-label={t('circles.straight')}>
        {bands.map((band) => (
          <li key={band.minutes}>
            {walk && <span className="band-fill" style={{ background: theme.bands[band.minutes] }} aria-hidden="true" />}
            <span className="band-swatch" style={{ borderColor: theme.bands[band.minutes] }} aria-hidden="true" />
            {t('circles.band', { minutes: band.minutes, metres: band.radiusM })}
          </li>
        ))}
      </ul>
      <p className="circles-kind">{t('circles.straight')}</p>
      <p className="hint">{t('circles.straightNote', { speed: circles.speedMPerMin, bands: bandText })}</p>
      {walk && <p className="hint">{t('walk.straightDashed')}</p>}
      <p className="hint">
        {circles.origins.kind === 'gates'
          ? t('circles.origins', { count: circles.origins.points.length })
          : circles.origins.kind === 'surface'
            ? t('circles.originsCentre')
            : t('walk.dragHint')}
      </p>
      <div className="app-actions">
        <ShareButton />
        <PrintButton getMapImage={mapSnapshot} />
        <button type="button" className="btn" onClick={() => selectCompound(null)}>
          {t('circles.clear')}
        </button>
      </div>
    </section>
  );
}
