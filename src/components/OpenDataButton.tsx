import { useId, useRef } from 'react';
import { useStore } from '../store';
import { useT } from './useT';

/** Lets a user open their own dataset files from disk (the files of the data format). */
export function OpenDataButton() {
  const loadFromFiles = useStore((s) => s.loadFromFiles);
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <>
      <button type="button" className="btn" aria-describedby={hintId} onClick={() => input.current?.click()}>
        {t('data.open')}
      </button>
      <span id={hintId} className="visually-hidden">
        {t('data.openHint')}
      </span>
      <input
        ref={input}
        type="file"
        multiple
        accept=".json,.geojson,application/json,application/geo+json"
        className="visually-hidden"
        aria-label={t('data.open')}
        data-testid="open-data-input"
        tabIndex={-1}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          if (files.length) void loadFromFiles(files);
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}
