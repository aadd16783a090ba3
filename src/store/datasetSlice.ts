import type { StateCreator } from 'zustand';
import type { Dataset, Problem } from '../domain/dataset';
import { loadDataset, type ReadFile } from '../data/load';
import { fromFiles, fromUrl } from '../data/sources';
import type { AppState } from './index';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface DatasetSlice {
  status: LoadStatus;
  dataset: Dataset | null;
  problems: Problem[];
  fatal: string | null;
  /** Where the data came from: a URL path, or "local files". */
  sourceLabel: string;
  loadFromUrl(path: string): Promise<void>;
  loadFromFiles(files: File[]): Promise<void>;
}

let loadSeq = 0;

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set, get) => {
  /** Latest load wins: an older load that finishes late is ignored. */
  async function load(read: ReadFile, sourceLabel: string, label?: string) {
    const seq = ++loadSeq;
    set({ status: 'loading', sourceLabel });
    const result = await loadDataset(read, label ? { label } : {});
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
    loadFromUrl: (path) => load(fromUrl(path), path, path),
    loadFromFiles: (files) => load(fromFiles(files), files.map((f) => f.name).join(', ')),
  };
};
