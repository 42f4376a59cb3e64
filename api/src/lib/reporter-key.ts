import { createHmac } from 'node:crypto'

/**
 * The key that ties a person's anonymous reports to them (ADR 007), keyed with a secret outside
 * the database: the database alone cannot link a report to a person. The same for every way in.
 */
export function reporterKeyOf(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(`reporter:${userId}`).digest('base64url')
}
