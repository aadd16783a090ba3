import type { RequestProps } from '../domain/dataset';
import { DEFAULT_TIME_ZONE } from '../domain/volunteers/time';
import { requestTiming, type RequestTiming } from '../domain/volunteers/workflow';
import type { ServerContext } from './context';
import type { LedgerRequest } from './store/types';

/** A ledger request in the shape the workflow rules read (the dataset's request properties). */
export function requestPropsOf(r: LedgerRequest): RequestProps {
  return {
    id: r.id,
    service_request_id: r.id,
    service_code: r.serviceCode,
    status: r.status,
    stage: r.stage,
    requested_datetime: r.requestedAt,
    updated_datetime: r.updatedAt,
    ...(r.expectedAt ? { expected_datetime: r.expectedAt } : {}),
    ...(r.compoundId ? { compound_id: r.compoundId } : {}),
  };
}

/** Deadline, overdue time and escalation level of a ledger request at `now`, with the server's workflow settings. */
export function ledgerTiming(r: LedgerRequest, now: Date, ctx: Pick<ServerContext, 'config' | 'dataset'>): RequestTiming {
  return requestTiming(requestPropsOf(r), now, ctx.config.workflow, ctx.dataset.manifest.timezone ?? DEFAULT_TIME_ZONE);
}
