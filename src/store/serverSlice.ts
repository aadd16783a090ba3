import type { StateCreator } from 'zustand';
import type { Feature, Point } from 'geojson';
import type { Dataset, RequestProps } from '../domain/dataset';
import { LIVE_IDLE, type LiveLink } from './liveEvents';
import {
  fetchServerInfo,
  staffApi,
  toRequestFeature,
  type ApiResult,
  type MoveBody,
  type RequestFile,
  type ServerInfo,
  type StaffRequest,
  type StaffSession,
} from './staffApi';
import type { AppState } from './index';

type RequestFeature = Feature<Point, RequestProps>;

/** unknown: not asked yet; static: any web server (read-only requests.geojson); server: the requests service. */
export type ServerKind = 'unknown' | 'checking' | 'static' | 'server';

export type LoginError = { kind: 'wrong' } | { kind: 'locked'; until: string } | { kind: 'expired' } | { kind: 'other'; reason: string };

export interface ServerLedger {
  /** The dataset the rows were read for; ignored once another dataset loads. */
  dataset: Dataset | null;
  rows: StaffRequest[];
  features: RequestFeature[];
  /** Last successful read (ms), or null before the first. */
  updatedAt: number | null;
  error: string | null;
  failedAt: number | null;
}

export interface OpenFile {
  id: string;
  file: RequestFile | null;
  error: string | null;
}

/** The requests service as the volunteers view sees it: is there one, who is logged in, the ledger in their scope. */
export interface ServerSlice {
  serverKind: ServerKind;
  serverInfo: ServerInfo | null;
  staff: StaffSession | null;
  loginBusy: boolean;
  loginError: LoginError | null;
  serverLedger: ServerLedger;
  /** The request whose whole history is open, or null. */
  requestFile: OpenFile | null;
  /** The staff event stream (/api/events): open, or lost since when. */
  serverLive: LiveLink;
  setServerLive(link: LiveLink): void;
  /** A change pushed by the server (in the user's scope): the row is replaced, or added when new. */
  applyServerChange(request: StaffRequest): void;
  /** A request the user may no longer see (assigned to someone else). */
  dropServerRequest(id: string): void;
  /** Asks /api/info once (and the session, on the server). */
  detectServer(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Re-reads the ledger in the user's scope; a failed read keeps the last good one. */
  refreshServerLedger(): Promise<void>;
  /** Writes a stage change; the answer (or the refusal) is for the caller to show. */
  moveOnServer(id: string, move: MoveBody): Promise<ApiResult<StaffRequest>>;
  openRequestFile(id: string): Promise<void>;
  closeRequestFile(): void;
}

const EMPTY_LEDGER: ServerLedger = { dataset: null, rows: [], features: [], updatedAt: null, error: null, failedAt: null };

/** What changes a row in the list; equal signatures keep the arrays (and nothing recomputes). */
const signature = (rows: readonly StaffRequest[]) =>
  rows.map((r) => `${r.id}|${r.updatedAt}|${r.stage}|${r.status}|${r.assignedTo}|${r.rating}|${r.escalation}`).join('\n');

export const createServerSlice: StateCreator<AppState, [], [], ServerSlice> = (set, get) => {
  /** The session is gone (expired, ended elsewhere): forget everything personal it brought. */
  /**
   * The server sends volunteers, requests and grid staff with names and texts only to staff
   * who work with people (src/server/publicData.ts): read them again when that changes, so a
   * worker sees names after logging in and the page forgets them after logging out.
   */
  const rereadPersonalData = () => {
    const s = get();
    if (serverActive(s) && s.sourceLabel) void s.reloadLive(s.sourceLabel);
  };
  const sessionLost = (error: LoginError | null) => {
    set({ staff: null, loginError: error, serverLedger: EMPTY_LEDGER, requestFile: null });
    rereadPersonalData();
  };

  return {
    serverKind: 'unknown',
    serverInfo: null,
    staff: null,
    loginBusy: false,
    loginError: null,
    serverLedger: EMPTY_LEDGER,
    requestFile: null,
    serverLive: LIVE_IDLE,

    setServerLive: (link) => set({ serverLive: link }),

    applyServerChange(request) {
      const { serverLedger, dataset, staff } = get();
      if (!staff || serverLedger.dataset !== dataset || serverLedger.updatedAt === null) return;
      const known = serverLedger.rows.some((r) => r.id === request.id);
      const rows = known ? serverLedger.rows.map((r) => (r.id === request.id ? request : r)) : [request, ...serverLedger.rows];
      set({ serverLedger: { ...serverLedger, rows, features: rows.map(toRequestFeature), updatedAt: Date.now(), error: null, failedAt: null } });
      // An open history follows a colleague's change.
      const open = get().requestFile;
      if (open?.id === request.id && open.file && open.file.request.updatedAt !== request.updatedAt) void get().openRequestFile(request.id);
    },

    dropServerRequest(id) {
      const { serverLedger } = get();
      if (!serverLedger.rows.some((r) => r.id === id)) return;
      const rows = serverLedger.rows.filter((r) => r.id !== id);
      set({ serverLedger: { ...serverLedger, rows, features: rows.map(toRequestFeature), updatedAt: Date.now() } });
      if (get().requestFile?.id === id) set({ requestFile: null });
      if (get().selectedRequestId === id) set({ selectedRequestId: null });
    },

    async detectServer() {
      if (get().serverKind !== 'unknown') return;
      set({ serverKind: 'checking' });
      const info = await fetchServerInfo();
      if (!info) return set({ serverKind: 'static' });
      set({ serverKind: 'server', serverInfo: info });
      const session = await staffApi.session();
      if (session.ok && session.data.user) {
        set({ staff: { user: session.data.user, csrfToken: session.data.csrfToken } });
        await get().refreshServerLedger();
      }
    },

    async login(username, password) {
      set({ loginBusy: true, loginError: null });
      const result = await staffApi.login(username, password);
      if (result.ok) {
        set({ loginBusy: false, staff: result.data, serverLedger: EMPTY_LEDGER });
        rereadPersonalData();
        return get().refreshServerLedger();
      }
      const error: LoginError =
        result.status === 401
          ? { kind: 'wrong' }
          : result.status === 429 && result.lockedUntil
            ? { kind: 'locked', until: result.lockedUntil }
            : { kind: 'other', reason: result.message };
      set({ loginBusy: false, loginError: error });
    },

    async logout() {
      const staff = get().staff;
      if (staff) await staffApi.logout(staff.csrfToken);
      sessionLost(null);
      set({ selectedRequestId: null, matches: null });
    },

    async refreshServerLedger() {
      const { staff, dataset } = get();
      if (!staff || !dataset) return;
      const result = await staffApi.requests();
      if (get().staff !== staff || get().dataset !== dataset) return;
      if (!result.ok) {
        if (result.status === 401) return sessionLost({ kind: 'expired' });
        return set((s) => ({ serverLedger: { ...s.serverLedger, error: result.message, failedAt: Date.now() } }));
      }
      const previous = get().serverLedger;
      const same = previous.dataset === dataset && signature(previous.rows) === signature(result.data);
      const first = previous.dataset !== dataset || previous.updatedAt === null;
      set({
        // A live ledger is judged now, not at the dataset's date (switchable afterwards).
        ...(first ? { ledgerClock: 'now' as const } : {}),
        serverLedger: same
          ? { ...previous, updatedAt: Date.now(), error: null }
          : { dataset, rows: result.data, features: result.data.map(toRequestFeature), updatedAt: Date.now(), error: null, failedAt: null },
      });
      // An open history follows a colleague's change.
      const open = get().requestFile;
      const row = open && result.data.find((r) => r.id === open.id);
      if (open?.file && row && row.updatedAt !== open.file.request.updatedAt) await get().openRequestFile(open.id);
    },

    async moveOnServer(id, move) {
      const staff = get().staff;
      if (!staff) return { ok: false, status: 401, message: 'not logged in' };
      const result = await staffApi.move(id, move, staff.csrfToken);
      if (!result.ok) {
        if (result.status === 401) sessionLost({ kind: 'expired' });
        // Someone else moved it first: show what it is now.
        else if (result.status === 409) await get().refreshServerLedger();
        return result;
      }
      const moved = result.data;
      set((s) => {
        const rows = s.serverLedger.rows.map((r) => (r.id === moved.id ? moved : r));
        return { serverLedger: { ...s.serverLedger, rows, features: rows.map(toRequestFeature) } };
      });
      if (get().requestFile?.id === id) await get().openRequestFile(id);
      return result;
    },

    async openRequestFile(id) {
      if (get().requestFile?.id !== id) set({ requestFile: { id, file: null, error: null } });
      const result = await staffApi.request(id);
      if (get().requestFile?.id !== id) return;
      if (!result.ok && result.status === 401) return sessionLost({ kind: 'expired' });
      set({ requestFile: result.ok ? { id, file: result.data, error: null } : { id, file: get().requestFile?.file ?? null, error: result.message } });
    },

    closeRequestFile: () => set({ requestFile: null }),
  };
};

/** True when the volunteers view's requests come from the server: on the server, with the server's dataset loaded. */
export function serverActive(s: Pick<AppState, 'serverKind' | 'serverInfo' | 'dataset'>): boolean {
  return s.serverKind === 'server' && !!s.dataset && s.serverInfo?.dataset === s.dataset.manifest.id;
}

const NONE: RequestFeature[] = [];

/** The server's requests for this view: those in the user's scope, none when logged out. */
export function serverRequestsOf(s: Pick<AppState, 'serverLedger' | 'dataset' | 'staff'>): RequestFeature[] {
  return s.staff && s.serverLedger.dataset === s.dataset ? s.serverLedger.features : NONE;
}
