import { performance } from 'node:perf_hooks'
import { type LatencySummary, summarise } from './stats'

/** What one operation reports: nothing when it succeeded, or a description of the failure. */
export type Outcome = undefined | { error: string }

export interface LoadOptions {
  concurrency: number
  durationMs: number
  /** Run this long first, uncounted, so connections are open and the code is warm. */
  warmupMs: number
  /** Stops the run early (Ctrl-C); what was measured so far is still reported. */
  signal: AbortSignal
  /** One operation; `worker` is 0..concurrency-1 and `seq` counts that worker's calls. */
  op: (worker: number, seq: number) => Promise<Outcome>
}

export interface LoadResult {
  ok: number
  errors: number
  /** The first failure, verbatim, so a broken run says why. */
  firstError: string | undefined
  /** Measured seconds (after the warm-up). */
  seconds: number
  /** Successful operations per second. */
  perSecond: number
  /** Latencies of the successful operations, in milliseconds. */
  latency: LatencySummary
  aborted: boolean
}

/**
 * Closed-loop load: `concurrency` workers each run `op` back to back until the time is up.
 * Only operations that start after the warm-up and finish before the deadline are counted.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { concurrency, durationMs, warmupMs, signal, op } = options
  const start = performance.now()
  const measureFrom = start + warmupMs
  const deadline = measureFrom + durationMs
  const latencies: number[] = []
  let ok = 0
  let errors = 0
  let firstError: string | undefined

  async function worker(index: number): Promise<void> {
    for (let seq = 0; !signal.aborted; seq++) {
      const began = performance.now()
      if (began >= deadline) return
      let outcome: Outcome
      try {
        outcome = await op(index, seq)
      } catch (error) {
        outcome = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
      }
      const ended = performance.now()
      if (began < measureFrom || ended > deadline) continue
      if (outcome === undefined) {
        ok++
        latencies.push(ended - began)
      } else {
        errors++
        firstError ??= outcome.error
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)))
  const measured = Math.max(0, Math.min(performance.now(), deadline) - measureFrom) / 1000
  return {
    ok,
    errors,
    firstError,
    seconds: measured,
    perSecond: measured > 0 ? ok / measured : 0,
    latency: summarise(latencies),
    aborted: signal.aborted,
  }
}
