/**
 * How big and how long a run is. Every figure comes from an environment variable; without one,
 * a full run takes the measured default and a smoke run (`--smoke` or BENCH_SMOKE=1) a tiny one,
 * so CI can run every section in about a minute and only checks that nothing throws.
 */

/** One size a section needs: a positive whole number (incidents, requests, …). */
export interface SizeSetting {
  env: string
  full: number
  smoke: number
  /** What it counts, for the usage text. */
  about: string
}

export type SizeSpec = Record<string, SizeSetting>
export type Sizes<S extends SizeSpec> = { [K in keyof S]: number }

export type Mode = 'full' | 'smoke'

type Env = Record<string, string | undefined>

function read(env: Env, name: string, fallback: number, integer: boolean): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0 || (integer && (!Number.isInteger(value) || value === 0))) {
    throw new Error(`${name} must be a ${integer ? 'positive whole number' : 'non-negative number'}, got "${raw}"`)
  }
  return value
}

/** True when BENCH_SMOKE asks for a smoke run ("1", "true", "yes"; "0", "false" or unset do not). */
export function smokeRequested(env: Env): boolean {
  const raw = (env.BENCH_SMOKE ?? '').trim().toLowerCase()
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false
  if (raw === '1' || raw === 'true' || raw === 'yes') return true
  throw new Error(`BENCH_SMOKE must be 1 or 0, got "${env.BENCH_SMOKE}"`)
}

export interface LoadSettings {
  durationS: number
  warmupS: number
  concurrency: number
}

export const loadDefaults = {
  full: { durationS: 10, concurrency: 16 },
  smoke: { durationS: 0.2, concurrency: 4 },
} as const

/** Duration, warm-up and concurrency of every timed load (write-path). */
export function loadSettings(env: Env, mode: Mode): LoadSettings {
  const durationS = read(env, 'BENCH_DURATION_S', loadDefaults[mode].durationS, false)
  const warmupS = read(env, 'BENCH_WARMUP_S', Math.min(2, durationS / 5), false)
  const concurrency = read(env, 'BENCH_CONCURRENCY', loadDefaults[mode].concurrency, true)
  return { durationS, warmupS, concurrency }
}

/** A section's sizes for this mode; throws, naming the variable, when one is not a positive whole number. */
export function resolveSizes<S extends SizeSpec>(spec: S, env: Env, mode: Mode): Sizes<S> {
  const sizes: Record<string, number> = {}
  for (const [key, setting] of Object.entries(spec)) sizes[key] = read(env, setting.env, setting[mode], true)
  return sizes as Sizes<S>
}
