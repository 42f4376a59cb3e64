/** What every section gets from the runner. */
export interface BenchContext {
  /** The bench's own, migrated database (dropped when the run ends). */
  databaseUrl: string
  concurrency: number
  durationMs: number
  warmupMs: number
  /** Aborted on Ctrl-C: sections stop their load and clean up. */
  signal: AbortSignal
}

/**
 * One benchmark. `run` measures and returns a plain result object (it becomes the JSON
 * output); `report` turns that result into the text block printed for people.
 */
export interface Section<R = unknown> {
  /** Name for `--only`, kebab-case. */
  name: string
  title: string
  run(ctx: BenchContext): Promise<R>
  report(result: R, ctx: BenchContext): string
}

/** Lets a list hold sections of different result types. */
export function defineSection<R>(section: Section<R>): Section<unknown> {
  return section as Section<unknown>
}
