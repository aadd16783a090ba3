/**
 * A hash map from pairs of 32-bit integers to non-negative integers, in typed arrays with
 * open addressing: for the graph build, which looks up every coordinate of a city's ways
 * (hundreds of thousands) and every segment. A Map keyed by numbers above 2^31 stores each
 * key as a heap number; this keeps no object per entry (about a sixth off Wuhan's graph
 * build, alternating with the Map in one process).
 */
export class PairIndex {
  private keyX: Int32Array;
  private keyY: Int32Array;
  /** The value of each slot, -1 when empty. */
  private value: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.keyX = new Int32Array(capacity);
    this.keyY = new Int32Array(capacity);
    this.value = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  private slotOf(x: number, y: number): number {
    let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ (y >>> 15), 0x85ebca77);
    h ^= h >>> 13;
    let slot = Math.imul(h, 0xc2b2ae3d) & this.mask;
    const { keyX, keyY, value } = this;
    while (value[slot]! >= 0 && (keyX[slot] !== x || keyY[slot] !== y)) slot = (slot + 1) & this.mask;
    return slot;
  }

  /**
   * The value stored for (x, y); when there is none, stores `value` (≥ 0) and returns -1: one
   * lookup to find or add.
   */
  getOrSet(x: number, y: number, value: number): number {
    let slot = this.slotOf(x, y);
    const found = this.value[slot]!;
    if (found >= 0) return found;
    if ((this.size + 1) * 2 > this.value.length) {
      this.grow();
      slot = this.slotOf(x, y);
    }
    this.keyX[slot] = x;
    this.keyY[slot] = y;
    this.value[slot] = value;
    this.size++;
    return -1;
  }

  private grow(): void {
    const { keyX, keyY, value } = this;
    const capacity = value.length * 2;
    this.keyX = new Int32Array(capacity);
    this.keyY = new Int32Array(capacity);
    this.value = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    for (let slot = 0; slot < value.length; slot++) {
      if (value[slot]! < 0) continue;
      const to = this.slotOf(keyX[slot]!, keyY[slot]!);
      this.keyX[to] = keyX[slot]!;
      this.keyY[to] = keyY[slot]!;
      this.value[to] = value[slot]!;
    }
  }
}
