import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../client'
import { users } from '../../schema/index'
import { type Actor, recordAudit } from './audit-repository'

/** External (OIDC) identities attached to accounts. */
export function identityRepository(db: Db) {
  return {
    /**
     * Attaches `issuer|subject` to an account that has none yet; false when the account is
     * gone or already carries one. An identity is never replaced here: that would hand the
     * account to whoever holds the new identity.
     */
    async link(userId: string, identity: string, actor: Actor): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ externalIdentity: identity, updatedAt: new Date() })
          .where(and(eq(users.id, userId), isNull(users.externalIdentity)))
          .returning({ id: users.id })
        if (!row) return false
        await recordAudit(tx, {
          actor,
          action: 'identity_link',
          entityType: 'user',
          entityId: userId,
          changes: { externalIdentity: { after: identity } },
        })
        return true
      })
    },
  }
}

export type IdentityRepository = ReturnType<typeof identityRepository>
