/** One kept event and its place in the sequence. */
export interface RingEntry<T> {
  seq: number;
  value: T;
}

/** What a reconnecting client is owed: the events it missed, or 'reset' (refetch everything). */
export type Resume<T> = { kind: 'fresh' } | { kind: 'replay'; entries: RingEntry<T>[] } | { kind: 'reset' };

/**
 * The recent events of one server process, with increasing ids, for clients that reconnect
 * with Last-Event-ID. Ids are `<epoch>-<seq>`: the epoch changes with each start, so an id
 * from before a restart (whose events are gone with the process) asks for a reset, as does
 * one older than the ring keeps. Bounded: the oldest entry goes when a new one comes.
 */
export class EventRing<T> {
  private readonly entries: RingEntry<T>[] = [];
  private seq = 0;

  constructor(
    readonly capacity: number,
    readonly epoch: string = Date.now().toString(36),
  ) {}

  push(value: T): RingEntry<T> {
    const entry = { seq: ++this.seq, value };
    this.entries.push(entry);
    if (this.entries.length > Math.max(1, this.capacity)) this.entries.shift();
    return entry;
  }

  /** The id of the newest event (events sent without an entry of their own carry it too). */
  get lastId(): string {
    return this.idOf(this.seq);
  }

  idOf(seq: number): string {
    return `${this.epoch}-${seq}`;
  }

  /**
   * What a client that last saw `lastEventId` missed. None given: fresh. An id of this
   * process within the ring: the entries after it (maybe none). Anything else (another
   * epoch, older than the ring, from the future, not an id at all): reset.
   */
  after(lastEventId: string | undefined): Resume<T> {
    if (lastEventId === undefined || lastEventId === '') return { kind: 'fresh' };
    const m = /^([0-9a-z]+)-(\d{1,15})$/.exec(lastEventId);
    if (!m || m[1] !== this.epoch) return { kind: 'reset' };
    const seen = Number(m[2]);
    if (seen > this.seq) return { kind: 'reset' };
    const oldest = this.entries[0]?.seq ?? this.seq + 1;
    // Entries seen+1 … oldest-1 are gone: the client would miss them.
    if (seen + 1 < oldest) return { kind: 'reset' };
    return { kind: 'replay', entries: this.entries.filter((e) => e.seq > seen) };
  }
}
