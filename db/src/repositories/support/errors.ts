/** What a repository reports when a write cannot happen as asked; the API maps these to problems. */
export class StaleVersionError extends Error {
  constructor(
    readonly entity: string,
    readonly currentVersion: number,
  ) {
    super(`The ${entity} was changed by someone else (now at version ${currentVersion})`)
    this.name = 'StaleVersionError'
  }
}

export class RuleViolationError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'RuleViolationError'
  }
}

/** The row is in a state where this change does not apply (a published strategy edited in place). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConflictError'
  }
}
