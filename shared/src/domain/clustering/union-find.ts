/** Disjoint sets over 0..n-1 with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array
  private readonly size: Int32Array

  constructor(n: number) {
    this.parent = new Int32Array(n)
    this.size = new Int32Array(n).fill(1)
    for (let i = 0; i < n; i++) this.parent[i] = i
  }

  find(i: number): number {
    let x = i
    while (this.parent[x] !== x) {
      const grandparent = this.parent[this.parent[x] as number] as number
      this.parent[x] = grandparent
      x = grandparent
    }
    return x
  }

  sizeOf(i: number): number {
    return this.size[this.find(i)] as number
  }

  /** Joins the sets of a and b unless the result would exceed `limit` members; true if joined. */
  unionAtMost(a: number, b: number, limit: number): boolean {
    if (this.find(a) !== this.find(b) && this.sizeOf(a) + this.sizeOf(b) > limit) return false
    this.union(a, b)
    return true
  }

  union(a: number, b: number): void {
    let x = this.find(a)
    let y = this.find(b)
    if (x === y) return
    if ((this.size[x] as number) < (this.size[y] as number)) [x, y] = [y, x]
    this.parent[y] = x
    this.size[x] = (this.size[x] as number) + (this.size[y] as number)
  }

  /** Every set, keyed by its root, members ascending: one pass over all elements. */
  sets(): Map<number, number[]> {
    const out = new Map<number, number[]>()
    for (let k = 0; k < this.parent.length; k++) {
      const root = this.find(k)
      const list = out.get(root)
      if (list) list.push(k)
      else out.set(root, [k])
    }
    return out
  }
}
