import { hashPassword, sessionRepository, userRepository } from '@misalign/db'
import { type DomainEvent, fail, type NewUser, type Page, type Role, type User, type UserChanges } from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

export type UserQuery = { limit?: number; cursor?: string }

/** Role, teams and whether the account works: never the email, which names a person. */
export const userChanged = (user: User, change: 'created' | 'updated' | 'identity-linked'): DomainEvent => ({
  type: 'user.changed',
  aggregateType: 'user',
  aggregateId: user.id,
  aggregateVersion: user.version,
  payload: { change, role: user.role, teamIds: user.teamIds, disabled: user.disabledAt !== null },
})

export function userService(deps: ServiceDeps) {
  const reads = deps.repos.users

  return {
    list(caller: Caller, query: UserQuery): Promise<Page<User>> {
      authorize(caller, 'user.manage')
      return reads.list(query)
    },

    async find(caller: Caller, id: string): Promise<User> {
      authorize(caller, 'user.manage')
      const user = await reads.findById(id)
      if (!user) throw fail.notFound('user', id)
      return user
    },

    /** Password optional: people who sign in through the company's provider have none. */
    async create(caller: Caller, input: NewUser): Promise<User> {
      authorize(caller, 'user.manage')
      const { password, ...fields } = input
      // Hashed before the transaction opens: it takes a while and holds no lock.
      const passwordHash = password ? await hashPassword(password) : null
      return writeTransaction(deps, async (tx, events) => {
        const user = await userRepository(tx).create({ ...fields, passwordHash }, caller.actor)
        await events.record(userChanged(user, 'created'))
        return user
      })
    },

    /** Role, name, disabled; disabling ends the user's sessions in the same transaction. */
    async update(caller: Caller, id: string, expectedVersion: number, changes: UserChanges): Promise<User> {
      authorize(caller, 'user.manage')
      return writeTransaction(deps, async (tx, events) => {
        const user = await userRepository(tx).update(id, expectedVersion, changes, caller.actor)
        if (!user) throw fail.notFound('user', id)
        // A disabled user's sessions end now, not when they expire.
        if (changes.disabled === true) await sessionRepository(tx).endSessionsOf(id)
        await events.record(userChanged(user, 'updated'))
        return user
      })
    },

    /** A role change without a version to match: the CLI's `user role`, where nobody read one. */
    async changeRole(caller: Caller, id: string, role: Role): Promise<User> {
      authorize(caller, 'user.manage')
      return writeTransaction(deps, async (tx, events) => {
        const user = await userRepository(tx).setRole(id, role, caller.actor)
        if (!user) throw fail.notFound('user', id)
        await events.record(userChanged(user, 'updated'))
        return user
      })
    },
  }
}

export type UserService = ReturnType<typeof userService>
