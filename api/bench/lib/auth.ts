import { randomBytes } from 'node:crypto'
import { systemActor } from '@misalign/db'
import type { FastifyInstance } from 'fastify'
import { API_TOKEN_PREFIX, sha256 } from '../../src/lib/secrets'

/**
 * An admin and an API token of its own in the bench database, made straight through the
 * repositories (as test/helper.ts does), so requests carry `Authorization: Bearer <token>`
 * and the measured path includes authentication.
 */
export async function provisionBenchUser(app: FastifyInstance): Promise<{ userId: string; token: string }> {
  const user = await app.repos.users.create(
    { email: 'bench@bench.example', displayName: 'Benchmark', role: 'admin', teamIds: [] },
    systemActor,
  )
  const token = `${API_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`
  await app.repos.sessions.createToken(
    { userId: user.id, label: 'bench', tokenHash: sha256(token), prefix: token.slice(0, 10) },
    systemActor,
  )
  return { userId: user.id, token }
}
