import type { Mode, SizeSpec, Sizes } from './settings'

/** What every section gets from the runner. */
export interface BenchContext {
  /** A database of this section's own, freshly migrated (dropped when the section ends). */
  databaseUrl: string
  mode: Mode
  concurrency: number
  durationMs: number
  warmupMs: number
  /** Aborted on Ctrl-C: sections stop their load and clean up. */
  signal: AbortSignal
}

/**
 * One benchmark. `run` measures and returns a plain result object (it becomes the JSON
 * output); `report` turns that result into the text block printed for people. `sizes` names
 * the environment variables its sizes come from, with a full and a smoke default.
 */
export interface Section<R = unknown, S extends SizeSpec = SizeSpec> {
  /** Name for `--only`, kebab-case. */
  name: string
  title: string
  sizes: S
  run(ctx: BenchContext, sizes: Sizes<S>): Promise<R>
  report(result: R, ctx: BenchContext, sizes: Sizes<S>): string
  /**
   * What went wrong rather than slow: failed requests, rows that do not add up. Any of these
   * fails the run (exit 1); a missed timing target never does.
   */
  problems?(result: R): string[]
}

/** Lets a list hold sections of different result and size types. */
export function defineSection<R, S extends SizeSpec>(section: Section<R, S>): Section<unknown, SizeSpec> {
  return section as unknown as Section<unknown, SizeSpec>
}
