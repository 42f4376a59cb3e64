import type { Calendar } from './calendar'
import { clusterTopics } from './catalog-planted'
import type { Rng } from './prng'

/**
 * Which incident plays which part in the planted stories, decided up front for all n indexes
 * in one byte each (1 MB for a million), so the planted sets can be listed eagerly while the
 * incidents themselves are generated one at a time.
 */

export const role = {
  background: 0,
  /** + cluster number (0..7) */
  cluster: 1,
  sharedWords: 20,
  sameTeamPair: 40,
  droppingGap: 60,
  conflict: 61,
  /** + stale story number */
  stale: 70,
} as const

/** How long after its decision a recurring decision keeps causing incidents. */
export const clusterWindowDays = 75

/** Share of all incidents each planted cluster takes: 15–40 incidents at the demo size of 3,000. */
const clusterShares = [0.012, 0.009, 0.008, 0.007, 0.0065, 0.006, 0.0055, 0.005]

export interface RolePlan {
  roles: Uint8Array
  clusters: number[][]
  sharedWords: number[][]
  sameTeamPair: number[][]
  droppingBefore: number[]
  droppingAfter: number[]
  conflict: number[]
  stale: number[][]
}

export interface PlanInputs {
  /** Day offset strategy S was published: the dropping gap's incidents nearly stop from here. */
  droppingFromOffset: number
  conflictFromOffset: number
  staleFromOffsets: readonly number[]
}

export function planRoles(rng: Rng, calendar: Calendar, inputs: PlanInputs): RolePlan {
  const n = calendar.incidentCount
  const roles = new Uint8Array(n)
  // Below a couple of hundred incidents the minimums would swamp the background, so they lapse.
  const floor = n >= 200 ? 1 : 0
  const size = (share: number, pool: number, min: number) => (pool <= 0 ? 0 : Math.max(min * floor, Math.round(share * pool)))

  const take = (lo: number, hi: number, count: number, code: number): number[] => {
    const chosen: number[] = []
    const span = hi - lo
    if (count <= 0 || span <= 0) return chosen
    if (count * 4 < span) {
      // Sparse: draw and retry; almost every index is still free.
      for (let attempts = 0; chosen.length < count && attempts < count * 20; attempts++) {
        const i = rng.int(lo, hi - 1)
        if (roles[i] !== role.background) continue
        roles[i] = code
        chosen.push(i)
      }
    }
    if (chosen.length < count) {
      const free: number[] = []
      for (let i = lo; i < hi; i++) if (roles[i] === role.background) free.push(i)
      for (const i of rng.sample(free, count - chosen.length)) {
        roles[i] = code
        chosen.push(i)
      }
    }
    return chosen.sort((a, b) => a - b)
  }

  const clusters = clusterTopics.map((topic, k) => {
    const lo = calendar.firstIndexFrom(topic.decidedOffset + 1)
    const hi = calendar.firstIndexFrom(topic.decidedOffset + 1 + clusterWindowDays)
    return take(lo, hi, size(clusterShares[k] ?? 0.005, n, 4), role.cluster + k)
  })

  const boundary = calendar.firstIndexFrom(inputs.droppingFromOffset)
  const droppingBefore = take(0, boundary, size(0.035, boundary, 6), role.droppingGap)
  // After publication: a twentieth of the earlier daily rate, which reads as "nearly gone".
  const droppingAfter = take(boundary, n, size(0.0015, n - boundary, 1), role.droppingGap)

  const conflictFrom = calendar.firstIndexFrom(inputs.conflictFromOffset)
  const conflict = take(conflictFrom, n, size(0.012, n - conflictFrom, 4), role.conflict)

  const stale = inputs.staleFromOffsets.map((offset, s) => {
    const from = calendar.firstIndexFrom(offset + 1)
    return take(from, n, size(0.01, n - from, 3), role.stale + s)
  })

  const sharedWords = clusterTopics.map((_, k) => take(0, n, size(0.001, n, 2), role.sharedWords + k))
  const sameTeamPair = clusterTopics.map((_, k) => take(0, n, size(0.001, n, 2), role.sameTeamPair + k))

  return { roles, clusters, sharedWords, sameTeamPair, droppingBefore, droppingAfter, conflict, stale }
}
