import { problem } from './problem'

export const etagOf = (version: number) => `"${version}"`

/** The version a PATCH expects, from If-Match: `"3"`, `W/"3"` or a bare `3`. */
export function expectedVersion(ifMatch: string | undefined, entity: string): number {
  if (ifMatch === undefined || ifMatch.trim() === '') throw problem.ifMatchRequired(entity)
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim())
  if (!match?.[1]) {
    throw problem.badRequest(`If-Match must be the ETag you received, like "3"; got ${JSON.stringify(ifMatch).slice(0, 40)}`)
  }
  return Number(match[1])
}
