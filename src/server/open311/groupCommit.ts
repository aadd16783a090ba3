import type { LedgerRequest, LedgerStore, NewRequest } from '../store/types';
import { LedgerError } from '../store/types';

/** Largest batch written in one transaction: bounds how long one commit holds the event loop. */
const MAX_BATCH = 256;

interface Pending {
  input: NewRequest;
  actor: string;
  resolve: (request: LedgerRequest) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for new requests. With `synchronous=FULL` every commit waits for the disk
 * (about 3 ms on a cloud VM's disk), so one commit per POST caps a server at a few hundred
 * a second. Requests that arrive while the event loop is busy are written together in one
 * transaction after the current turn (`setImmediate`), and each caller's promise settles
 * only after that commit returned: every acknowledged request is on disk before its answer,
 * as before, and a refused one (LedgerError) is refused alone.
 */
export class RequestCommitQueue {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly store: LedgerStore) {}

  create(input: NewRequest, actor: string): Promise<LedgerRequest> {
    return new Promise((resolve, reject) => {
      this.pending.push({ input, actor, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush() {
    const batch = this.pending.splice(0, MAX_BATCH);
    this.scheduled = this.pending.length > 0;
    if (this.scheduled) setImmediate(() => this.flush());
    let outcomes: (LedgerRequest | LedgerError)[];
    try {
      outcomes = this.store.createRequestsEach(batch.map(({ input, actor }) => ({ input, actor })));
    } catch (error) {
      // Nothing of this batch was stored (the transaction rolled back): each caller hears so.
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof LedgerError) p.reject(outcome);
      else p.resolve(outcome);
    });
  }
}
