import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Dataset } from '../../domain/dataset';
import { countEvidence, parseEvidenceAnswer, type EvidenceCounts, type EvidenceSource } from '../../domain/planner/evidence';
import { useStore } from '../../store';
import { listenLive } from '../../store/liveEvents';
import { serverActive } from '../../store/serverSlice';
import { call } from '../../store/staffApi';

/** Residents' requests per compound and category for the planner's gaps, and where they come from. */
export interface EvidenceState {
  /** The dataset the counts were made for (another dataset's counts are never shown). */
  dataset: Dataset | null;
  source: EvidenceSource | null;
  counts: EvidenceCounts | null;
  /** When the ledger's counts were made (ISO); null for the dataset's file. */
  at: string | null;
  /** The last read of the ledger failed (the counts shown are older, or the dataset's). */
  error: string | null;
}

export const useEvidence = create<EvidenceState>(() => ({ dataset: null, source: null, counts: null, at: null, error: null }));

/** The dataset's own requests (requests.geojson): what a static build, or a dataset the server does not hold, has. */
export function datasetEvidence(dataset: Dataset): EvidenceState {
  const rows = dataset.requests.features.map((f) => ({
    compoundId: f.properties.compound_id,
    serviceCode: f.properties.service_code,
    stage: f.properties.stage,
  }));
  return { dataset, source: 'dataset', counts: countEvidence(rows), at: null, error: null };
}

/** Reads in flight may overlap (a change during a read): only the newest answer is kept. */
let reads = 0;

async function readLedger(dataset: Dataset): Promise<void> {
  const read = ++reads;
  const result = await call<unknown>('api/evidence');
  if (read !== reads || useStore.getState().dataset !== dataset) return;
  const answer = result.ok ? parseEvidenceAnswer(result.data) : null;
  if (answer) return useEvidence.setState({ dataset, source: 'ledger', counts: answer.counts, at: answer.at, error: null });
  const error = result.ok ? 'not an evidence answer' : result.message;
  // Keep the ledger's last counts; before the first, the dataset's file is better than nothing (and says so).
  useEvidence.setState((s) => (s.dataset === dataset && s.source === 'ledger' ? { error } : { ...datasetEvidence(dataset), error }));
}

/** A burst of changes (a worker moving ten requests) is read once. */
const SETTLE_MS = 300;

/**
 * Keeps the planner's evidence current: on the requests service (with its dataset loaded), the
 * live ledger's counts, read again whenever the public event stream says the ledger changed
 * (no login needed: the counts are public aggregates); otherwise the dataset's requests.geojson.
 */
export function usePlannerEvidence(): void {
  const { dataset, kind, active, detect } = useStore(
    useShallow((s) => ({ dataset: s.dataset, kind: s.serverKind, active: serverActive(s), detect: s.detectServer })),
  );
  useEffect(() => {
    void detect();
  }, [detect]);

  useEffect(() => {
    if (!dataset || kind === 'unknown' || kind === 'checking') return;
    if (!active) {
      useEvidence.setState(datasetEvidence(dataset));
      return;
    }
    void readLedger(dataset);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void readLedger(dataset), SETTLE_MS);
    };
    const stop = listenLive('api/events?scope=public', ['aggregates'], {
      event: later,
      // Reconnected after a loss: changes may have been missed.
      open: (first) => {
        if (!first) later();
      },
      lost: () => {},
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [dataset, kind, active]);
}
