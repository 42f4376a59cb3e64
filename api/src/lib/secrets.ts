import { createHash, randomBytes } from 'node:crypto'

/** A random secret for a cookie or token: 256 bits, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url')

/** Session and API tokens are high-entropy, so a fast hash is enough to store them safely. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url')

/** The CSRF token of a session: derived from the session token, which only the browser holds. */
export const csrfTokenOf = (sessionToken: string) => sha256(`csrf:${sessionToken}`)

export const API_TOKEN_PREFIX = 'mt_'
