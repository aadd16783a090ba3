import type { StateCreator } from 'zustand';
import type { Dataset, Problem } from '../domain/dataset';
import type { ReadFile } from '../data/load';
import { describeSource, sourceAllowed, type DataSourceInfo } from '../data/dataOrigin';
import { fromFiles, fromUrl, prebuiltFromUrl, READ_AS_BLOB } from '../data/sources';
import { withEarlyReads } from '../data/earlyReads';
import { sessionNetworkCheck, walkingSession } from '../workers/sessionClient';
import { readFirstAnswer, readRest, sharedReads, stillCurrent, type FirstAnswer } from '../data/firstAnswer';
import { WALK_SPEED_M_PER_MIN } from '../domain/geo';
import type { AppState } from './index';
import { DEFAULT_DATA } from './url';
import { nextTask } from '../data/nextTask';

/** Resolves in a task of its own, after whatever the browser has waiting (input, frames). */

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface DatasetSlice {
  status: LoadStatus;
  dataset: Dataset | null;
  problems: Problem[];
  fatal: string | null;
  /** Where the data came from: a URL path, or "local files". */
  sourceLabel: string;
  /** The dataset's URL and host when it came from a URL (null for files picked from disk). */
  source: DataSourceInfo | null;
  /** The host of a `?data=` dataset this deployment does not allow (nothing was read from it). */
  blockedHost: string | null;
  /**
   * The shared compound's walking minutes from the dataset's precomputed report, shown
   * before the network and the engine have arrived (null when there is none, or it does not fit).
   */
  firstAnswer: FirstAnswer | null;
  /** The first answer is being read: the map waits, so the list gets the bandwidth first. */
  firstAnswerPending: boolean;
  loadFromUrl(path: string): Promise<void>;
  loadFromFiles(files: File[]): Promise<void>;
}

let loadSeq = 0;

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set, get) => {
  /** Latest load wins: an older load that finishes late is ignored. */
  async function load(
    read: ReadFile,
    sourceLabel: string,
    label?: string,
    prebuilt?: (dataset: Dataset) => Promise<ArrayBuffer | null>,
    afterRead?: () => Promise<boolean>,
  ) {
    const seq = ++loadSeq;
    set({ status: 'loading', sourceLabel, blockedHost: null });
    // The loader (its schemas and their library) is fetched when a dataset is loaded, not with
    // the page: a shared link's first answer is on screen before it arrives.
    const { loadDataset } = await import('../data/load');
    // The network is parsed and checked by the walking session, which keeps it for the graph.
    // Checked in slices: a city's compounds would otherwise hold the page for a fifth of a second.
    const result = await loadDataset(read, { ...(label && { label }), checkNetwork: sessionNetworkCheck(), pause: nextTask });
    if (seq !== loadSeq) return;
    // Offered before any view asks the walking session for this dataset, which then checks it against the network.
    if (result.dataset && prebuilt) walkingSession().offerPrebuilt(result.dataset, prebuilt(result.dataset));
    // Handed to the walking session now, so that it builds the graph while the page re-renders
    // with the dataset (on a phone that render takes as long as the build); every view's later
    // load of the same dataset is the same session generation. Waited for only while it is
    // a few microtasks away (they run before the next task): a prebuilt graph still downloading
    // does not hold the page back. The render then starts a task of its own: posting a city's
    // dataset takes tens of milliseconds, and so does the render, which together would block
    // the page for longer.
    if (result.dataset && typeof Worker !== 'undefined') {
      // The resident view asks for a walk as soon as the dataset is ready.
      void walkingSession().send(result.dataset, { warmWalk: get().mode === 'resident' });
      await nextTask();
    }
    if (afterRead && !(await afterRead())) set({ firstAnswer: null });
    if (seq !== loadSeq) return;
    set({
      status: result.dataset ? 'ready' : 'failed',
      dataset: result.dataset,
      problems: result.problems,
      fatal: result.fatal,
    });
    get().onDatasetLoaded();
  }
  return {
    status: 'idle',
    dataset: null,
    problems: [],
    fatal: null,
    sourceLabel: '',
    source: null,
    blockedHost: null,
    firstAnswer: null,
    firstAnswerPending: false,
    async loadFromUrl(path) {
      const source = describeSource(path, window.location.href, DEFAULT_DATA);
      if (!(await sourceAllowed(source))) {
        ++loadSeq;
        set({
          status: 'failed',
          dataset: null,
          problems: [],
          source,
          blockedHost: source.host,
          sourceLabel: path,
          fatal: `Cannot load "${path}": ${source.host} is not among the data origins this deployment allows (config.json)`,
        });
        return;
      }
      set({ source });
      // The reads public/early.js started for a shared compound link are taken, not repeated.
      // The network comes as a Blob, which the walking session reads: the page never holds a city's network.
      const read = sharedReads(fromUrl(path, withEarlyReads(path), READ_AS_BLOB));
      // A shared link to a compound (resident view, standard pace, all its gates): its
      // walking minutes from the shipped report first, while the rest downloads.
      const { mode, pendingCompound, pendingGate, profile } = get();
      const early = mode === 'resident' && pendingCompound && !pendingGate && profile === 'standard';
      set({ firstAnswer: null, firstAnswerPending: Boolean(early) });
      if (early) {
        // The small files first, alone on the link; the network and the rest follow.
        const firstAnswer = await readFirstAnswer(read, pendingCompound, WALK_SPEED_M_PER_MIN.standard);
        if (get().source !== source) return;
        set({ firstAnswer, firstAnswerPending: false });
        void readRest(read);
      }
      const afterRead = async () => {
        const answer = get().firstAnswer;
        if (!answer) return true;
        const network = await read.text('network.geojson');
        return stillCurrent(answer, { 'network.geojson': network === undefined ? undefined : await network });
      };
      await load(read, path, path, (dataset) => prebuiltFromUrl(path, dataset.manifest), afterRead);
      set({ firstAnswerPending: false });
    },
    loadFromFiles: (files) => {
      set({ source: null, firstAnswer: null, firstAnswerPending: false });
      return load(fromFiles(files), files.map((f) => f.name).join(', '));
    },
  };
};
