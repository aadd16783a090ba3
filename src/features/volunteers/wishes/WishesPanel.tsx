import { useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../../components/useT';
import { formatDate, formatNumber, type MessageKey } from '../../../i18n';
import { useStore } from '../../../store';
import { serverActive } from '../../../store/serverSlice';
import { KNOWN_SKILLS } from '../../../domain/volunteers/skills';
import { useWishes, type ListedWish } from './wishStore';
import { WishContact } from './WishContact';
import './wishes.css';
import '../messages';

const skillKey = (skill: string) => `hall.skill.${skill}` as MessageKey;

/**
 * 微心愿 in the volunteers view on the requests service. A volunteer sees the open wishes
 * within their walk and hours (the server decides) and claims one; a worker posts wishes
 * for a compound in their scope and follows them. Texts are rendered as text, never HTML.
 */
export function WishesPanel() {
  const { staff, active, lang, compounds } = useStore(
    useShallow((s) => ({ staff: s.staff, active: serverActive(s), lang: s.lang, compounds: s.dataset?.compounds.features })),
  );
  const { wishes, claimDays, act } = useWishes();
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const user = staff?.user;
  const inScope = useMemo(
    () =>
      (compounds ?? []).filter((c) => {
        if (!user) return false;
        if (user.role === 'admin') return true;
        if (user.role === 'community_worker') return c.properties.community_id === user.communityId;
        if (user.role === 'grid_leader') return c.properties.grid_id === user.gridId;
        return false;
      }),
    [compounds, user],
  );
  if (!active || !user) return null;
  const volunteer = user.role === 'volunteer';

  const run = async (path: string, ok: (w: ListedWish) => string, body?: unknown) => {
    setBusy(true);
    const result = await act(path, body);
    setBusy(false);
    if (result.ok) setMessage(ok(result.data));
    else setMessage(result.status === 409 && /claimed by another/.test(result.message) ? t('wish.taken') : t('wish.failed', { reason: result.message }));
    return result.ok;
  };

  const post = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const skill = String(data.get('skill') ?? '');
    const ok = await run('api/wishes', (w) => t('wish.posted', { id: w.id }), {
      compoundId: String(data.get('compound') ?? ''),
      text: String(data.get('text') ?? ''),
      skill: skill || null,
    });
    if (ok) form.reset();
  };

  const date = (iso: string) => formatDate(lang, iso);
  return (
    <section className="panel-section wishes" aria-labelledby="wishes-title">
      <h3 id="wishes-title">{t('wish.title')}</h3>
      <p className="hint">{volunteer ? t('wish.intro.volunteer', { days: claimDays ?? 3 }) : t('wish.intro.staff')}</p>
      {!volunteer && inScope.length > 0 && (
        <form className="wish-form" onSubmit={(e) => void post(e)}>
          <label>
            {t('wish.form.compound')}
            <select name="compound" required>
              {inScope.map((c) => (
                <option key={c.properties.id} value={c.properties.id}>
                  {lang === 'en' ? (c.properties.name_en ?? c.properties.name) : c.properties.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('wish.form.text')}
            <input name="text" required maxLength={120} />
          </label>
          <label>
            {t('wish.form.skill')}
            <select name="skill" defaultValue="">
              <option value="">{t('wish.skill.any')}</option>
              {KNOWN_SKILLS.map((s) => (
                <option key={s} value={s}>
                  {t(skillKey(s))}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-small" disabled={busy}>
            {t('wish.form.submit')}
          </button>
        </form>
      )}
      {message && (
        <p className="notice-inline" role="status">
          {message}
        </p>
      )}
      {wishes.length === 0 ? (
        <p className="hint">{volunteer ? t('wish.none') : t('wish.noneStaff')}</p>
      ) : (
        <ul className="wish-list" aria-label={t('wish.title')}>
          {wishes.map((w) => (
            <li key={w.id} className="wish">
              <strong>{w.text}</strong>
              <span className="hint">
                {[
                  w.compoundName ?? w.compoundId,
                  w.skill ? t(skillKey(w.skill)) : t('wish.skill.any'),
                  w.fit ? t('wish.walk', { metres: formatNumber(lang, Math.round(w.fit.walkM / 10) * 10) }) : null,
                  w.dueAt ? t('wish.due', { date: date(w.dueAt) }) : null,
                  volunteer ? null : t(`wish.state.${w.state}` as MessageKey),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {volunteer && w.state === 'open' && (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => void run(`api/wishes/${encodeURIComponent(w.id)}/claim`, () => t('wish.claimed', { text: w.text }))}
                >
                  {t('wish.claim')}
                </button>
              )}
              {w.state === 'claimed' && (volunteer || w.claimedBy !== null) && (
                <span className="wish-actions">
                  {volunteer && w.claimExpiresAt && <span className="hint">{t('wish.mine', { date: date(w.claimExpiresAt) })}</span>}
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy}
                    onClick={() => void run(`api/wishes/${encodeURIComponent(w.id)}/done`, () => t('wish.doneThanks'))}
                  >
                    {t('wish.done')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy}
                    onClick={() => void run(`api/wishes/${encodeURIComponent(w.id)}/release`, () => t('wish.released'))}
                  >
                    {t('wish.release')}
                  </button>
                </span>
              )}
              {!volunteer && w.createdBy === 'resident' && <WishContact wishId={w.id} />}
              {!volunteer && w.state === 'open' && (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => void run(`api/wishes/${encodeURIComponent(w.id)}/cancel`, () => t('wish.cancelled'))}
                >
                  {t('wish.cancel')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
