import { eq, lt } from 'drizzle-orm'
import type { Db } from '../../client'
import { oidcFlows } from '../../schema/index'

export interface NewOidcFlow {
  state: string
  nonce: string
  codeVerifier: string
  returnTo: string
  expiresAt: Date
}

export type OidcFlow = NewOidcFlow

/**
 * OIDC sign-ins between the redirect to the provider and its callback. Kept in Postgres,
 * not in a cookie or memory, so any API instance can finish a sign-in another one started.
 */
export function oidcFlowRepository(db: Db) {
  return {
    async create(flow: NewOidcFlow): Promise<void> {
      // Abandoned sign-ins are swept here rather than by a job: the table stays tiny either way.
      await db.delete(oidcFlows).where(lt(oidcFlows.expiresAt, new Date()))
      await db.insert(oidcFlows).values(flow)
    },

    /**
     * Removes the flow and returns it if it is still live. Deleting in the same statement
     * that reads it makes each state single-use, even with two callbacks racing.
     */
    async take(state: string): Promise<OidcFlow | undefined> {
      const [row] = await db.delete(oidcFlows).where(eq(oidcFlows.state, state)).returning()
      if (!row || row.expiresAt.getTime() <= Date.now()) return undefined
      return {
        state: row.state,
        nonce: row.nonce,
        codeVerifier: row.codeVerifier,
        returnTo: row.returnTo,
        expiresAt: row.expiresAt,
      }
    },
  }
}

export type OidcFlowRepository = ReturnType<typeof oidcFlowRepository>
