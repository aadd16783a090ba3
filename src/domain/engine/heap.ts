/**
 * A binary min-heap of (node, key) pairs in typed arrays, with lazy deletion: a node may be
 * pushed again with a smaller key and stale entries are skipped by the caller.
 */
export class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity = 1024) {
    this.nodes = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) this.grow();
    const nodes = this.nodes;
    const keys = this.keys;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey <= key) break;
      nodes[i] = nodes[parent]!;
      keys[i] = parentKey;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  /** Key of the top entry (Infinity when empty). */
  peekKey(): number {
    return this.size > 0 ? this.keys[0]! : Infinity;
  }

  /** Removes the top entry and returns its node; its key was peekKey(). */
  pop(): number {
    const nodes = this.nodes;
    const keys = this.keys;
    const top = nodes[0]!;
    const last = --this.size;
    if (last > 0) {
      const node = nodes[last]!;
      const key = keys[last]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        const right = child + 1;
        if (right < last && keys[right]! < keys[child]!) child = right;
        if (keys[child]! >= key) break;
        nodes[i] = nodes[child]!;
        keys[i] = keys[child]!;
        i = child;
      }
      nodes[i] = node;
      keys[i] = key;
    }
    return top;
  }

  private grow(): void {
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.nodes = nodes;
    this.keys = keys;
  }
}
