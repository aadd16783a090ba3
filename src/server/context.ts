import type { EventEmitter } from 'node:events';
import type { Dataset } from '../domain/dataset';
import type { Wish } from '../domain/volunteers/wishes';
import { DEFAULT_WORKFLOW, type WorkflowConfig } from '../domain/volunteers/workflow';
import type { Places } from './places';
import type { LedgerRequest, LedgerStore } from './store/types';

export interface ServerConfig {
  /** Directory of the built app (index.html and assets), or null to serve the API only. */
  distDir: string | null;
  /** Dataset directory served under /data/<id>/ and used for services, compounds and grids. */
  dataDir: string;
  /** Where photos are kept, by content hash. */
  photoDir: string;
  workflow: WorkflowConfig;
  /** Optional URL that receives a POST for each escalation (吹哨). */
  webhookUrl: string | null;
  /** Requests from one IP per hour through the resident intake page. */
  intakePerIpPerHour: number;
  /** Requests about one compound per hour through the resident intake page. */
  intakePerCompoundPerHour: number;
  /**
   * Open311 POSTs per API key per minute. Keys belong to systems (a 12345 hotline) that send
   * bursts of hundreds, so it is generous; beyond it, 429.
   */
  open311PerKeyPerMinute: number;
  /** Milliseconds between SLA scheduler runs; 0 disables the scheduler. */
  schedulerIntervalMs: number;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** Dev and tests: cookies without the Secure flag (plain http on loopback). */
  secureCookies: boolean;
  /** Live events (/api/events): milliseconds between heartbeats on an idle stream. */
  liveHeartbeatMs: number;
  /** Live events kept for clients that reconnect with Last-Event-ID; an older id gets 'reset'. */
  liveRingSize: number;
  /** Open event streams at most (each holds a socket); beyond it, 503. */
  liveMaxStreams: number;
  /** Days a volunteer's claim on a small wish (微心愿) holds before the wish opens again. */
  wishClaimDays: number;
  /**
   * Compress the dataset's files (as anyone is sent them) once the server listens, so the first
   * visitor after a start does not wait for it. Off in tests, which start many servers.
   */
  warmDataFiles: boolean;
}

export const DEFAULT_CONFIG: Omit<ServerConfig, 'distDir' | 'dataDir' | 'photoDir'> = {
  workflow: DEFAULT_WORKFLOW,
  webhookUrl: null,
  intakePerIpPerHour: 20,
  intakePerCompoundPerHour: 60,
  open311PerKeyPerMinute: 1200,
  schedulerIntervalMs: 60_000,
  sessionHours: 12,
  secureCookies: false,
  liveHeartbeatMs: 15_000,
  liveRingSize: 500,
  liveMaxStreams: 1_000,
  wishClaimDays: 3,
  warmDataFiles: false,
};

/** A change to the ledger, for live views (/api/events, live/hub.ts). */
export interface LedgerChange {
  kind: 'created' | 'moved' | 'rated' | 'assigned' | 'escalated';
  request: LedgerRequest;
  /** The request before a change of who may see it (an assignment), so those who no longer may are told it is gone. */
  previous?: LedgerRequest;
}

/** A change to a small wish (微心愿), for live views. */
export interface WishChange {
  kind: 'posted' | 'claimed' | 'released' | 'lapsed' | 'done' | 'cancelled';
  wish: Wish;
  /** The claimer before the change (a release or lapse), so they hear of it. */
  previousClaimer?: number | null;
}

/** A change to the 三单制 lists (a partner unit or a project), for live views: where it is, so only staff of that scope hear of it. */
export interface SandanChange {
  kind: 'unit' | 'project';
  id: string;
  communityId: string | null;
  gridId: string | null;
}

/** What every route plugin receives: the store, the dataset's places and the configuration. */
export interface ServerContext {
  store: LedgerStore;
  dataset: Dataset;
  places: Places;
  config: ServerConfig;
  /** Emits 'change' with a LedgerChange after every committed write to a request, 'wish' with a WishChange after one to a wish, 'sandan' with a SandanChange after one to a unit or project. */
  events: EventEmitter;
  /** The clock (tests replace it). */
  now(): Date;
  /** Set once the server listens with `warmDataFiles`: settles when the dataset's files are compressed. */
  dataWarmed?: Promise<void>;
}
