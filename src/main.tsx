import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { htmlLang, translate } from './i18n';
import { useStore } from './store';
import { parseUrlState, urlFor } from './store/url';
import './styles.css';

const initial = parseUrlState(window.location.search);
const store = useStore.getState();
store.setLang(initial.lang);
store.setMode(initial.mode);
store.addNotices(initial.notices);
useStore.setState({
  pendingCompound: initial.compound,
  pendingGate: initial.gate,
  pendingAt: initial.at,
  profile: initial.profile,
  maxMinutes: initial.minutes,
});
void store.loadFromUrl(initial.data);
// The service-hall screen works offline (production builds only: the dev server has no service worker).
if (import.meta.env.PROD && initial.mode === 'hall') void import('./features/hall/serviceWorker').then((sw) => sw.registerHallServiceWorker(initial.data));

/** Keeps the address bar, the page language and the title in step with the view. */
useStore.subscribe((state, previous) => {
  if (state.lang !== previous.lang) {
    document.documentElement.lang = htmlLang(state.lang);
    document.title = translate(state.lang, 'app.title');
  }
  const changed = (['mode', 'compoundId', 'gateId', 'at', 'profile', 'maxMinutes', 'lang'] as const).some((k) => state[k] !== previous[k]);
  if (changed && state.status === 'ready') {
    const view = {
      mode: state.mode,
      data: initial.data,
      compound: state.compoundId,
      gate: state.gateId,
      at: state.at,
      profile: state.profile,
      minutes: state.maxMinutes,
      lang: state.lang,
    };
    const next = urlFor(window.location.href, view);
    if (next !== window.location.href) window.history.replaceState(null, '', next);
  }
});
document.documentElement.lang = htmlLang(initial.lang);
document.title = translate(initial.lang, 'app.title');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
