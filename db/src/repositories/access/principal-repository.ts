import type { Role, User } from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'

/** Who a request's credential belongs to, and what the credential needs touched. */
export interface Principal {
  credentialId: string
  lastUsedAt: Date | null
  /** Sessions only: the hash of the CSRF token writes must carry. */
  csrfHash: string | null
  user: User
}

interface PrincipalRow {
  credential_id: string
  last_used_at: Date | string | null
  csrf_hash: string | null
  id: string
  email: string
  display_name: string
  role: Role
  disabled_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  version: number
  team_ids: string[] | null
}

const iso = (value: Date | string) => new Date(value).toISOString()

/**
 * One round trip per request for authentication: the live credential, its user and the
 * user's teams. Read fresh every time, so a role change or a disabled account counts at once.
 */
export function principalRepository(db: Db) {
  async function find(credentials: ReturnType<typeof sql>, tokenHash: string): Promise<Principal | undefined> {
    const [row] = await queryRows<PrincipalRow>(
      db,
      sql`select c.id as credential_id, c.last_used_at, c.csrf_hash,
                 u.id, u.email, u.display_name, u.role, u.disabled_at, u.created_at, u.updated_at, u.version,
                 (select array_agg(m.team_id) from memberships m where m.user_id = u.id) as team_ids
          from ${credentials} c join users u on u.id = c.user_id
          where c.token_hash = ${tokenHash}`,
    )
    if (!row) return undefined
    return {
      credentialId: row.credential_id,
      lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
      csrfHash: row.csrf_hash,
      user: {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        teamIds: row.team_ids ?? [],
        disabledAt: row.disabled_at === null ? null : iso(row.disabled_at),
        createdAt: iso(row.created_at),
        updatedAt: iso(row.updated_at),
        version: row.version,
      },
    }
  }

  return {
    bySessionToken: (tokenHash: string) =>
      find(
        sql`(select id, user_id, token_hash, last_seen_at as last_used_at, csrf_hash from sessions
             where revoked_at is null and expires_at > now())`,
        tokenHash,
      ),
    byApiToken: (tokenHash: string) =>
      find(
        sql`(select id, user_id, token_hash, last_used_at, null::text as csrf_hash from api_tokens where revoked_at is null)`,
        tokenHash,
      ),
  }
}

export type PrincipalRepository = ReturnType<typeof principalRepository>
