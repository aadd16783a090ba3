import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { theme } from '../../map/theme';
import { useStore } from '../../store';

/** What the selected compound's straight-line circles mean, band by band. */
export function CirclesPanel() {
  const { circles, dataset, lang, selectCompound } = useStore(
    useShallow((s) => ({ circles: s.circles, dataset: s.dataset, lang: s.lang, selectCompound: s.selectCompound })),
  );
  const t = useT();
  if (!circles || !dataset) return <p className="panel-section hint">{t('circles.hint')}</p>;
  const compound = dataset.compounds.features.find((c) => c.properties.id === circles.compoundId)?.properties;
  const name = (lang === 'en' ? compound?.name_en ?? compound?.name : compound?.name) ?? circles.compoundId;
  const bands = [...circles.circles.features].map((f) => f.properties).sort((a, b) => a.minutes - b.minutes);
  const bandText = bands.map((b) => t('circles.band', { minutes: b.minutes, metres: b.radiusM })).join('、');
  return (
    <section className="panel-section circles-panel" aria-labelledby="circles-title">
      <h2 id="circles-title">{t('circles.title', { name })}</h2>
      <p className="circles-kind">{t('circles.straight')}</p>
      <p className="hint">{t('circles.straightNote', { speed: circles.speedMPerMin, bands: bandText })}</p>
      <ul className="bands">
        {bands.map((band) => (
          <li key={band.minutes}>
            <span className="band-swatch" style={{ borderColor: theme.bands[band.minutes] }} aria-hidden="true" />
            {t('circles.band', { minutes: band.minutes, metres: band.radiusM })}
          </li>
        ))}
      </ul>
      <p className="hint">
        {circles.origins.kind === 'gates' ? t('circles.origins', { count: circles.origins.points.length }) : t('circles.originsCentre')}
      </p>
      <button type="button" className="btn" onClick={() => selectCompound(null)}>{t('circles.clear')}</button>
    </section>
  );
}
