import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { hasPersonalData, personalDataIn } from '../../domain/volunteers/privacy';
import { useStore } from '../../store';
import { requestsOf, volunteersOf } from '../../store/volunteersSlice';
import './messages';

/**
 * "Contains personal data": shown whenever this view can show names, phones or request
 * texts (the dataset holds them); a sanitised dataset shows none and needs no banner.
 */
export function PersonalDataBanner() {
  const { volunteers, requests, grids } = useStore(useShallow((s) => ({ volunteers: volunteersOf(s), requests: requestsOf(s), grids: s.dataset?.grids })));
  const t = useT();
  const personal = useMemo(
    () =>
      personalDataIn({
        volunteers: { type: 'FeatureCollection', features: volunteers },
        requests: { type: 'FeatureCollection', features: requests },
        grids: grids ?? { type: 'FeatureCollection', features: [] },
      }),
    [volunteers, requests, grids],
  );
  if (!hasPersonalData(personal)) return null;
  return (
    <div className="personal-banner" role="note" aria-label={t('volunteers.personal.title')}>
      <strong>{t('volunteers.personal.title')}</strong>
      <span>{t('volunteers.personal.body')}</span>
    </div>
  );
}
