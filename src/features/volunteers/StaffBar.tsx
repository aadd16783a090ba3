import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../store';
import { serverActive } from '../../store/serverSlice';
import type { StaffUser } from '../../store/staffApi';
import { formatClock } from './format';
import { LoginForm } from './LoginForm';
import { SERVER_REFRESH_S } from './useServerLedger';
import './messages';

const ROLE_KEY: Record<StaffUser['role'], MessageKey> = {
  admin: 'staff.role.admin',
  community_worker: 'staff.role.community_worker',
  grid_leader: 'staff.role.grid_leader',
  volunteer: 'staff.role.volunteer',
};

/**
 * Where this view's requests come from: the server's ledger (logged in, with who and when
 * it was last read), a login form on the server, or read-only requests.geojson on a static site.
 */
export function StaffBar() {
  const s = useStore(
    useShallow((st) => ({
      kind: st.serverKind,
      active: serverActive(st),
      info: st.serverInfo,
      datasetId: st.dataset?.manifest.id ?? '',
      grids: st.dataset?.grids.features,
      staff: st.staff,
      ledger: st.serverLedger,
      live: st.serverLive,
      logout: st.logout,
      lang: st.lang,
    })),
  );
  const t = useT();
  const gridNames = useMemo(
    () => new Map((s.grids ?? []).map((g) => [g.properties.id, s.lang === 'en' ? (g.properties.name_en ?? g.properties.name) : g.properties.name])),
    [s.grids, s.lang],
  );
  if (s.kind === 'unknown' || s.kind === 'checking') {
    return (
      <div className="panel-section">
        <p className="hint staff-source">{t('staff.checking')}</p>
      </div>
    );
  }
  if (s.kind === 'static' || !s.active) {
    return (
      <div className="panel-section">
        <div className="staff-source read-only" role="note" aria-label={t('staff.static')}>
          <strong>{t('staff.static')}</strong>
          <span>{s.kind === 'static' ? t('staff.staticHint') : t('staff.otherDataset', { server: s.info?.dataset ?? '', current: s.datasetId })}</span>
        </div>
      </div>
    );
  }
  if (!s.staff) return <LoginForm />;
  const { user } = s.staff;
  const scopeId =
    user.role === 'community_worker' ? user.communityId : user.role === 'grid_leader' ? user.gridId : user.role === 'volunteer' ? user.volunteerId : null;
  const scope = scopeId ? ` · ${gridNames.get(scopeId) ?? scopeId}` : '';
  return (
    <div className="panel-section staff-bar">
      <p className="staff-user">
        <span>{t('staff.user', { name: user.displayName ?? user.username, role: t(ROLE_KEY[user.role]), scope })}</span>
        <button type="button" className="btn btn-small" onClick={() => void s.logout()}>
          {t('staff.logout')}
        </button>
      </p>
      <p className="hint" role="status" data-testid="staff-live">
        {s.live.connected ? t('live.staff.on') : t('staff.source', { seconds: SERVER_REFRESH_S })}
        {s.ledger.updatedAt !== null && ` · ${t('staff.updated', { time: formatClock(s.lang, s.ledger.updatedAt) })}`}
      </p>
      {s.live.lostAt !== null && (
        <p className="notice-inline" data-testid="staff-live-lost">
          {t('live.staff.lost', {
            time: formatClock(s.lang, s.live.lostAt),
            updated: s.ledger.updatedAt !== null ? formatClock(s.lang, s.ledger.updatedAt) : '—',
            seconds: SERVER_REFRESH_S,
          })}
        </p>
      )}
      <p>
        {/* Workers print and post these; the page holds no personal data. */}
        <a className="btn btn-small" href={`/posters${s.lang === 'en' ? '?lang=en' : ''}`} target="_blank" rel="noopener">
          {t('staff.posters')}
        </a>
      </p>
      {s.ledger.error && (
        <p className="notice-inline" data-testid="staff-refresh-error">
          {t('staff.refreshFailed', { time: s.ledger.failedAt ? formatClock(s.lang, s.ledger.failedAt) : '', reason: s.ledger.error })}
        </p>
      )}
    </div>
  );
}
