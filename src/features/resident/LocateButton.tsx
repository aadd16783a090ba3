import { useState } from 'react';
import { boundsOf } from '../../domain/bounds';
import { useT } from '../../components/useT';
import { useStore } from '../../store';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'error'; reason: string } | { kind: 'outside' };

/** Uses the browser's location (when the user allows it) as the walking origin. */
export function LocateButton() {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return null;
  const locate = () => {
    setState({ kind: 'working' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { dataset, setAt } = useStore.getState();
        const at: [number, number] = [position.coords.longitude, position.coords.latitude];
        const [w, s, e, n] = dataset ? boundsOf(dataset.compounds) : [0, 0, 0, 0];
        const margin = 0.01;
        if (!dataset || at[0] < w - margin || at[0] > e + margin || at[1] < s - margin || at[1] > n + margin) return setState({ kind: 'outside' });
        setState({ kind: 'idle' });
        setAt(at);
      },
      (error) => setState({ kind: 'error', reason: error.message || String(error.code) }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <>
      <button type="button" className="btn" onClick={locate} disabled={state.kind === 'working'}>
        {state.kind === 'working' ? t('locate.working') : t('locate.button')}
      </button>
      {state.kind === 'error' && (
        <p className="hint search-error" role="alert">
          {t('locate.denied', { reason: state.reason })}
        </p>
      )}
      {state.kind === 'outside' && (
        <p className="hint search-error" role="alert">
          {t('locate.outside')}
        </p>
      )}
    </>
  );
}
