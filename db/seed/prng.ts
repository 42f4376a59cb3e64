import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

/**
 * Seeded randomness for the generator. Every stream is derived by hashing (seed, stream, index),
 * so incident i can be generated on its own, in any order, and always comes out the same:
 * that is what lets a million incidents stream out without holding them all in memory.
 */

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash step. */
function mix32(value: number): number {
  let h = value | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h | 0
}

/** Four well-mixed 32-bit words for (seed, stream, index). Seeds above 2^32 keep their high bits. */
export function hashWords(seed: number, stream: number, index: number): [number, number, number, number] {
  const low = (seed % 0x1_0000_0000) | 0
  const high = Math.floor(seed / 0x1_0000_0000) | 0
  const base = mix32(mix32(low ^ 0x243f6a88) ^ mix32(high + 0x13198a2e) ^ Math.imul(stream + 1, 0x9e3779b9))
  const lowIndex = (index % 0x1_0000_0000) | 0
  const words: [number, number, number, number] = [0, 0, 0, 0]
  for (let j = 0; j < 4; j++) {
    words[j] = mix32(base ^ mix32(lowIndex + Math.imul(j + 1, 0x632be5ab)) ^ Math.imul(j, 0x85a308d3))
  }
  // xoroshiro's all-zero state is a fixed point; the odds are 2^-128, but be exact.
  if (words.every((w) => w === 0)) words[0] = 1
  return words
}

/** Formats 128 random bits as a version-4, variant-1 uuid. */
export function uuidFromWords(words: readonly [number, number, number, number]): string {
  const hex = words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('')
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** Reads an index the caller has just bounds-checked; an out-of-range read is a bug, so it throws. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index]
  if (item === undefined) throw new RangeError(`index ${index} out of range 0..${items.length - 1}`)
  return item
}

export class Rng {
  private readonly generator: RandomGenerator

  constructor(seed: number, stream: number, index = 0) {
    this.generator = xoroshiro128plusFromState(hashWords(seed, stream, index))
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator)
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max)
  }

  chance(probability: number): boolean {
    return this.float() < probability
  }

  pick<T>(items: readonly T[]): T {
    return at(items, this.int(0, items.length - 1))
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return at(items, this.weightedIndex(weights))
  }

  weightedIndex(weights: readonly number[]): number {
    let total = 0
    for (const w of weights) total += w
    let target = this.float() * total
    for (let i = 0; i < weights.length; i++) {
      target -= at(weights, i)
      if (target < 0) return i
    }
    return weights.length - 1
  }

  /** k distinct items in random order (all of them when k ≥ length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items]
    const count = Math.min(k, copy.length)
    for (let i = 0; i < count; i++) {
      const j = this.int(i, copy.length - 1)
      const tmp = at(copy, i)
      copy[i] = at(copy, j)
      copy[j] = tmp
    }
    return copy.slice(0, count)
  }

  /** Approximately normal (Irwin–Hall of 4), cheap and bounded: mean 0, sd 1, |x| ≤ 3.5. */
  normal(): number {
    return (this.float() + this.float() + this.float() + this.float() - 2) * Math.sqrt(3)
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean
  }

  uuid(): string {
    const n = () => this.generator.next()
    return uuidFromWords([n(), n(), n(), n()])
  }
}
