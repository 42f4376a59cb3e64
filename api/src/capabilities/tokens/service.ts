import { sessionRepository } from '@misalign/db'
import { type ApiToken, type DomainEvent, fail } from '@misalign/shared'
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../lib/secrets'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

export interface CreatedToken {
  /** The token itself: shown once, only its hash is stored. */
  token: string
  apiToken: ApiToken
}

const toWire = <T extends { createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }>(row: T) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
})

/**
 * Whose token, and nothing of the token: not even its prefix, which is part of the secret.
 * Tokens have no version column; created is 1 and revoked (final) is 2.
 */
const tokenEvent = (type: 'token.created' | 'token.revoked', tokenId: string, userId: string): DomainEvent => ({
  type,
  aggregateType: 'token',
  aggregateId: tokenId,
  aggregateVersion: type === 'token.created' ? 1 : 2,
  payload: { userId },
})

export function tokenService(deps: ServiceDeps) {
  return {
    async list(caller: Caller, userId?: string): Promise<ApiToken[]> {
      authorize(caller, 'token.manage')
      return (await deps.repos.sessions.listTokens(userId)).map(toWire)
    },

    /** The one place a token is made, for the API and the CLI alike. */
    async create(caller: Caller, input: { userId: string; label?: string }): Promise<CreatedToken> {
      authorize(caller, 'token.manage')
      const user = await deps.repos.users.findById(input.userId)
      if (!user) throw fail.invalid('userId refers to no user', [{ field: 'userId', message: 'refers to no user' }])
      // It could never be used: authentication refuses disabled users, tokens included.
      if (user.disabledAt) {
        throw fail.invalidField('userId', `${user.email} is disabled; enable the user before creating a token`)
      }
      const token = `${API_TOKEN_PREFIX}${newSecret()}`
      const row = await writeTransaction(deps, async (tx, events) => {
        const created = await sessionRepository(tx).createToken(
          { userId: user.id, label: input.label ?? '', tokenHash: sha256(token), prefix: token.slice(0, 10) },
          caller.actor,
        )
        await events.record(tokenEvent('token.created', created.id, created.userId))
        return created
      })
      const { tokenHash: _, updatedAt: __, ...visible } = row
      return { token, apiToken: toWire(visible) }
    },

    async revoke(caller: Caller, id: string): Promise<void> {
      authorize(caller, 'token.manage')
      await writeTransaction(deps, async (tx, events) => {
        const revoked = await sessionRepository(tx).revokeToken(id, caller.actor)
        if (!revoked) throw fail.notFound('active API token', id)
        await events.record(tokenEvent('token.revoked', revoked.id, revoked.userId))
      })
    },
  }
}

export type TokenService = ReturnType<typeof tokenService>
