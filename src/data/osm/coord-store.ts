/**
 * Node positions by id, packed: one Map entry (id -> slot) and two doubles per node, about
 * a third of the memory of a Map of `[lon, lat]` arrays. City extracts need millions.
 */
export class CoordStore {
  private readonly slots = new Map<number, number>();
  private data = new Float64Array(2 * 1024);

  get size(): number {
    return this.slots.size;
  }

  set(id: number, lon: number, lat: number): void {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(id, slot);
      if (2 * slot + 2 > this.data.length) {
        const grown = new Float64Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
    }
    this.data[2 * slot] = lon;
    this.data[2 * slot + 1] = lat;
  }

  /** `[lon, lat]` of a node, or undefined when the file did not have it. */
  get(id: number): [number, number] | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : [this.data[2 * slot] as number, this.data[2 * slot + 1] as number];
  }
}
