import { describe, expect, it } from 'vitest'
import { sections } from '../sections/index'
import { loadSettings, resolveSizes, smokeRequested } from './settings'

const spec = {
  incidents: { env: 'BENCH_TEST_INCIDENTS', full: 100_000, smoke: 300, about: 'incidents' },
  runs: { env: 'BENCH_TEST_RUNS', full: 40, smoke: 2, about: 'requests' },
}

describe('bench sizes', () => {
  it('take the full defaults, the smoke defaults, or the environment, which wins over both', () => {
    expect(resolveSizes(spec, {}, 'full')).toEqual({ incidents: 100_000, runs: 40 })
    expect(resolveSizes(spec, {}, 'smoke')).toEqual({ incidents: 300, runs: 2 })
    expect(resolveSizes(spec, { BENCH_TEST_INCIDENTS: '1234', BENCH_TEST_RUNS: '' }, 'smoke')).toEqual({
      incidents: 1234,
      runs: 2,
    })
  })

  it('refuse a size that is not a positive whole number, naming the variable', () => {
    for (const bad of ['0', '-5', '2.5', 'many', '1e400']) {
      expect(() => resolveSizes(spec, { BENCH_TEST_RUNS: bad }, 'full')).toThrow(
        `BENCH_TEST_RUNS must be a positive whole number, got "${bad}"`,
      )
    }
  })

  it('shrink the load in smoke mode and keep a warm-up of a fifth, at most 2 s', () => {
    expect(loadSettings({}, 'full')).toEqual({ durationS: 10, warmupS: 2, concurrency: 16 })
    expect(loadSettings({}, 'smoke')).toEqual({ durationS: 0.2, warmupS: 0.04, concurrency: 4 })
    expect(loadSettings({ BENCH_DURATION_S: '1', BENCH_CONCURRENCY: '2' }, 'smoke')).toEqual({
      durationS: 1,
      warmupS: 0.2,
      concurrency: 2,
    })
    expect(() => loadSettings({ BENCH_CONCURRENCY: '0' }, 'full')).toThrow('BENCH_CONCURRENCY')
    expect(() => loadSettings({ BENCH_DURATION_S: '-1' }, 'full')).toThrow('BENCH_DURATION_S must be a non-negative number')
  })

  it('read BENCH_SMOKE as a yes or a no, and nothing else', () => {
    expect(smokeRequested({})).toBe(false)
    expect(smokeRequested({ BENCH_SMOKE: '0' })).toBe(false)
    expect(smokeRequested({ BENCH_SMOKE: '1' })).toBe(true)
    expect(smokeRequested({ BENCH_SMOKE: 'true' })).toBe(true)
    expect(() => smokeRequested({ BENCH_SMOKE: 'fast' })).toThrow('BENCH_SMOKE must be 1 or 0')
  })
})

describe('every section', () => {
  it('has smoke sizes no larger than its full ones, and one default per variable across sections', () => {
    const byEnv = new Map<string, { full: number; smoke: number }>()
    for (const section of sections) {
      for (const setting of Object.values(section.sizes)) {
        expect(setting.smoke, setting.env).toBeLessThanOrEqual(setting.full)
        expect(setting.env).toMatch(/^BENCH_[A-Z_]+$/)
        const seen = byEnv.get(setting.env)
        if (seen) expect({ full: setting.full, smoke: setting.smoke }, setting.env).toEqual(seen)
        byEnv.set(setting.env, { full: setting.full, smoke: setting.smoke })
      }
    }
    expect(byEnv.size).toBeGreaterThan(0)
  })
})
