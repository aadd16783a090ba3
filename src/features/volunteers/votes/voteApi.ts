import type { Vote, VoteTally } from '../../../domain/votes';
import { call, json, type ApiResult } from '../../../store/staffApi';

/** A vote as staff see it (src/server/routes/votes.ts): counts per option once closed. */
export type StaffVote = Vote & { result: VoteTally[] | null };

/** The codes of one printing run: answered once by the server, never stored in the clear. */
export interface IssuedCodes {
  vote: StaffVote;
  codes: string[];
}

export interface VoteDraftBody {
  question: string;
  options: string[];
  deadline: string;
  codes: number;
}

const enc = encodeURIComponent;

export const voteApi = {
  list: (requestId: string) => call<{ votes: StaffVote[] }>(`api/requests/${enc(requestId)}/votes`),
  open: (requestId: string, body: VoteDraftBody, csrf: string): Promise<ApiResult<IssuedCodes>> =>
    call(`api/requests/${enc(requestId)}/votes`, json(body, csrf)),
  codes: (voteId: string, count: number, csrf: string): Promise<ApiResult<IssuedCodes>> => call(`api/votes/${enc(voteId)}/codes`, json({ count }, csrf)),
  close: (voteId: string, csrf: string): Promise<ApiResult<StaffVote>> => call(`api/votes/${enc(voteId)}/close`, json({}, csrf)),
};

/** The ballot page a slip points to; the code rides in the fragment, which browsers never send to the server. */
export function ballotUrl(origin: string, voteId: string, lang: 'zh' | 'en', code?: string): string {
  return `${origin}/vote?id=${enc(voteId)}${lang === 'en' ? '&lang=en' : ''}${code ? `#code=${enc(code)}` : ''}`;
}

/** Tomorrow at 18:00 in the browser's time, as a datetime-local value: the seeds settle a problem the day after it is raised. */
export function defaultDeadline(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 18, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
