import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { useStore } from '../../store';
import { timeZoneOf } from '../../store/volunteersSlice';
import { formatDateTime } from './format';
import './messages';

/** Staff login on the requests service: user name and password; the session lives in an httpOnly cookie. */
export function LoginForm() {
  const { login, busy, error, lang, timeZone } = useStore(
    useShallow((s) => ({ login: s.login, busy: s.loginBusy, error: s.loginError, lang: s.lang, timeZone: timeZoneOf(s) })),
  );
  const t = useT();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) return;
    void login(username.trim(), password).then(() => setPassword(''));
  };
  const message =
    error?.kind === 'wrong'
      ? t('staff.login.wrong')
      : error?.kind === 'locked'
        ? t('staff.login.locked', { time: formatDateTime(lang, error.until, timeZone) })
        : error?.kind === 'expired'
          ? t('staff.login.expired')
          : error?.kind === 'other'
            ? t('staff.login.failed', { reason: error.reason })
            : null;
  return (
    <form className="panel-section login-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('staff.login.title')}</h2>
      <p className="hint">{t('staff.login.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('staff.login.username')}</label>
        <input id={`${id}-user`} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('staff.login.password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {message && (
        <p className="notice-inline" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('staff.login.busy') : t('staff.login.submit')}
      </button>
    </form>
  );
}
