import { useState } from 'react';
import { useT } from '../../../components/useT';
import { call } from '../../../store/staffApi';
import '../messages';

/**
 * For a wish a resident made on the QR page: the phone they may have left, fetched one wish
 * at a time by a worker who asks (it is in no list, so it is never on screen unasked).
 */
export function WishContact({ wishId }: { wishId: string }) {
  const t = useT();
  const [shown, setShown] = useState<{ phone: string | null } | { error: string } | null>(null);
  const load = async () => {
    const result = await call<{ wish_id: string; phone: string | null }>(`api/wishes/${encodeURIComponent(wishId)}/contact`);
    setShown(result.ok ? { phone: result.data.phone } : { error: result.message });
  };
  return (
    <span className="wish-contact">
      <span className="wish-source">{t('wish.fromQr')}</span>
      {shown === null ? (
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          {t('wish.showPhone')}
        </button>
      ) : 'error' in shown ? (
        <span role="alert">{t('wish.failed', { reason: shown.error })}</span>
      ) : shown.phone ? (
        <a href={`tel:${shown.phone}`}>{shown.phone}</a>
      ) : (
        <span className="hint">{t('wish.noPhone')}</span>
      )}
    </span>
  );
}
