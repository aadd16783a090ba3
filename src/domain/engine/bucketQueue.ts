/**
 * Width of a bucket of the queue, metres of cost. Any width gives exact distances (see
 * BucketQueue); about a quarter of a typical segment keeps re-visits rare (none on the
 * synthetic city, < 0.1 % on Wuhan) without scanning many empty buckets.
 */
export const BUCKET_M = 10;

/**
 * A bucket queue of graph nodes keyed by cost (Dial's algorithm, label-correcting): node
 * lists per bucket of BUCKET_M metres, doubly linked in typed arrays so a node that gets a
 * smaller cost moves in O(1). Nodes within one bucket are taken in any order; a node improved
 * after it was taken is queued again (always into the current bucket or a later one, as
 * lengths are positive), so the distances are exact, as with a heap, at O(1) per operation.
 * One queue serves every search on the main thread or a worker; it is empty between searches.
 */
export class BucketQueue {
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  /** The bucket each node is queued in, -1 when not queued. */
  private bucketOf = new Int32Array(0);
  private heads = new Int32Array(1024).fill(-1);
  size = 0;

  /** Makes room for a graph of this many nodes. */
  fit(nodeCount: number): void {
    if (this.bucketOf.length >= nodeCount) return;
    this.next = new Int32Array(nodeCount);
    this.prev = new Int32Array(nodeCount);
    this.bucketOf = new Int32Array(nodeCount).fill(-1);
  }

  /** Queues a node at this cost, or moves it there if it is queued already. */
  set(node: number, cost: number): void {
    const b = Math.floor(cost / BUCKET_M);
    const { next, prev, bucketOf } = this;
    const old = bucketOf[node]!;
    if (old === b) return;
    if (old >= 0) {
      const p = prev[node]!;
      const n = next[node]!;
      if (p >= 0) next[p] = n;
      else this.heads[old] = n;
      if (n >= 0) prev[n] = p;
    } else this.size++;
    if (b >= this.heads.length) this.growTo(b);
    const head = this.heads[b]!;
    next[node] = head;
    prev[node] = -1;
    if (head >= 0) prev[head] = node;
    this.heads[b] = node;
    bucketOf[node] = b;
  }

  /** Takes a node from bucket b, or returns -1 when that bucket is empty. */
  take(b: number): number {
    const node = b < this.heads.length ? this.heads[b]! : -1;
    if (node < 0) return -1;
    const n = this.next[node]!;
    this.heads[b] = n;
    if (n >= 0) this.prev[n] = -1;
    this.bucketOf[node] = -1;
    this.size--;
    return node;
  }

  private growTo(b: number): void {
    let length = this.heads.length;
    while (length <= b) length *= 2;
    const heads = new Int32Array(length).fill(-1);
    heads.set(this.heads);
    this.heads = heads;
  }
}
