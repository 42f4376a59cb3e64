/** Ranks first: higher score, then lower document number. */
const before = (a: readonly [number, number], b: readonly [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0])

/**
 * The `n` best (document, score) pairs, best first. A search over 100,000 reports touches tens of
 * thousands of documents; sorting them all to keep 200 was the costliest step of a similar
 * search, so the best are kept in a bounded heap whose root is the worst kept.
 */
export function top(entries: Iterable<[number, number]>, n: number): [number, number][] {
  const heap: [number, number][] = []
  const worse = (i: number, j: number) => before(heap[j] as [number, number], heap[i] as [number, number])
  const swap = (i: number, j: number) => {
    const t = heap[i] as [number, number]
    heap[i] = heap[j] as [number, number]
    heap[j] = t
  }
  const down = (start: number) => {
    let i = start
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && worse(l, m)) m = l
      if (r < heap.length && worse(r, m)) m = r
      if (m === i) return
      swap(i, m)
      i = m
    }
  }
  if (n <= 0) return []
  for (const entry of entries) {
    if (heap.length < n) {
      heap.push(entry)
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1
        if (!worse(i, parent)) break
        swap(i, parent)
        i = parent
      }
    } else if (before(entry, heap[0] as [number, number])) {
      heap[0] = entry
      down(0)
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
}
