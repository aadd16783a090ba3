import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../components/useT';
import { toOpen311 } from '../../domain/volunteers/open311';
import { useStore } from '../../store';
import { serverActive } from '../../store/serverSlice';
import { requestsOf } from '../../store/volunteersSlice';
import { downloadText, readText } from './download';
import { codeLabel, stageLabel } from './format';
import './messages';

/** Export and import of the requests as Open311 GeoReport v2 JSON (for 12345-style systems). */
export function Open311Buttons() {
  const { requests, lang, importOpen311, summary, datasetId, onServer } = useStore(
    useShallow((s) => ({
      requests: requestsOf(s),
      onServer: serverActive(s),
      lang: s.lang,
      importOpen311: s.importOpen311,
      summary: s.importSummary,
      datasetId: s.dataset?.manifest.id ?? 'requests',
    })),
  );
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const exportJson = () => {
    const json = toOpen311(requests, { includeDescription: true, serviceName: (code) => codeLabel(t, lang, code), statusNotes: (r) => stageLabel(t, r.stage) });
    downloadText(`${datasetId}-open311.json`, `${JSON.stringify(json, null, 2)}\n`, 'application/json');
  };
  return (
    <>
      <button type="button" className="btn" onClick={exportJson} disabled={requests.length === 0}>
        {t('volunteers.open311.export')}
      </button>
      {/* On the requests service, other systems send requests through its Open311 API instead. */}
      {!onServer && (
        <button type="button" className="btn" onClick={() => input.current?.click()}>
          {t('volunteers.open311.import')}
        </button>
      )}
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label={t('volunteers.open311.import')}
        data-testid="open311-input"
        tabIndex={-1}
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (!file) return;
          let json: unknown;
          try {
            json = JSON.parse(await readText(file));
          } catch {
            json = null;
          }
          importOpen311(json);
        }}
      />
      {summary && (
        <p className="hint import-summary" role="status">
          {t('volunteers.open311.summary', { added: summary.added, updated: summary.updated, problems: summary.problems.length })}
          {summary.problems.slice(0, 3).map((p) => (
            <span key={`${p.id ?? p.index}-${p.field}`} className="import-problem">
              {`${p.id ?? (p.index !== undefined ? `#${p.index}` : p.file)} ${p.field}: ${p.message}`}
            </span>
          ))}
        </p>
      )}
    </>
  );
}
