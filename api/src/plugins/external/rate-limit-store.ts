import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { RateLimitRepository } from '@misalign/db'
import { sha256 } from '../../lib/secrets'

type Done = (error: Error | null, result?: { current: number; ttl: number }) => void

interface RouteScope {
  method?: string | string[]
  url?: string
}

/** One counter per route (or per group of routes), so two limited routes never share a count. */
function scopeOf(options: { groupId?: string; routeInfo?: RouteScope }): string {
  if (options.groupId) return `group:${options.groupId}`
  const { method, url } = options.routeInfo ?? {}
  return `${[method ?? 'ANY'].flat().join(',')} ${url ?? '*'}`
}

/**
 * A @fastify/rate-limit store over `rate_limit_windows`: every API instance on the database
 * counts into the same fixed window, so N instances do not allow N times the limit (ADR 025).
 * The key (a user id or a client address) is hashed: the table must not list who asked.
 */
export function postgresRateLimitStore(counters: RateLimitRepository): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    private readonly scope: string

    constructor(options: FastifyRateLimitOptions & { routeInfo?: RouteScope }) {
      this.scope = scopeOf(options)
    }

    private keyOf(key: string): string {
      return `rate:${this.scope}:${sha256(key)}`
    }

    incr(key: string, done: Done, timeWindow: number): void {
      counters.hit(this.keyOf(key), timeWindow).then(
        ({ hits, msLeft }) => done(null, { current: hits, ttl: msLeft }),
        (error: Error) => done(error),
      )
    }

    /** The count without a hit, for `{ increment: false }` checks. */
    read(key: string, done: Done, timeWindow: number): void {
      counters.peek(this.keyOf(key), timeWindow).then(
        ({ hits, msLeft }) => done(null, { current: hits, ttl: msLeft }),
        (error: Error) => done(error),
      )
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new PostgresRateLimitStore(routeOptions as FastifyRateLimitOptions & { routeInfo?: RouteScope })
    }
  }
  return PostgresRateLimitStore
}
