import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { users } from './users'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/** Server-side sessions: the cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** Synchronizer token for cookie-authenticated writes (CSRF), also stored hashed. */
    csrfHash: text('csrf_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    lastSeenAt: at('last_seen_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
)

/** Personal API tokens for scripts: shown once, stored hashed, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
    tokenHash: text('token_hash').notNull(),
    /** The first characters, so a person can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
)

/**
 * Fixed-window counters (sign-in throttling, rate limits), in Postgres so every API
 * instance sees the same count.
 */
export const rateCounters = pgTable(
  'rate_counters',
  {
    id: id(),
    key: text('key').notNull(),
    windowStart: at('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [uniqueIndex('rate_counters_key').on(t.key), index('rate_counters_window_idx').on(t.windowStart)],
)

/** OIDC sign-in in progress: state, nonce and PKCE verifier between redirect and callback. */
export const oidcFlows = pgTable('oidc_flows', {
  id: id(),
  state: text('state').notNull().unique(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull().default('/'),
  expiresAt: at('expires_at').notNull(),
  ...timestamps,
})
