import type { LedgerStore } from '../store/types';

/** Answers kept at most; a flood of distinct queries cannot grow memory past this. */
const MAX_ANSWERS = 500;

/**
 * Serialised GET answers, reused while the ledger has not changed. Hotlines and hall screens
 * poll the same queries over and over; the ledger's change mark (every write, from this
 * server or the ledger CLI) drops them all at once, so an answer is never staler than the
 * last commit. Keys must hold everything the answer depends on (query, format, language,
 * public or trusted).
 */
export class AnswerCache {
  private mark = '';
  private readonly answers = new Map<string, Buffer>();

  constructor(private readonly store: LedgerStore) {}

  /** The answer for `key` as UTF-8 bytes (encoded once, not on every send); `compute` runs on a miss. */
  get(key: string, compute: () => string): Buffer {
    const mark = this.store.changeMark();
    if (mark !== this.mark) {
      this.answers.clear();
      this.mark = mark;
    }
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = Buffer.from(compute(), 'utf8');
      if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }
}
