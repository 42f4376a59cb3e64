import { DomainError, fail } from '@misalign/shared'

/**
 * What a repository reports when a write cannot happen as asked. Each is a DomainError of one
 * kind, so every way in maps it the same way; the classes stay for the callers that name them.
 */
export class StaleVersionError extends DomainError {
  constructor(
    readonly entity: string,
    readonly currentVersion: number,
  ) {
    super('stale-version', fail.staleVersion(entity, currentVersion).message, { currentVersion })
    this.name = 'StaleVersionError'
  }
}

export class RuleViolationError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super('invalid', message, field ? { fields: [{ field, message }] } : {})
    this.name = 'RuleViolationError'
  }
}

/** The row is in a state where this change does not apply (a published strategy edited in place). */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message)
    this.name = 'ConflictError'
  }
}
