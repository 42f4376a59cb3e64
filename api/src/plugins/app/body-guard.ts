import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { problem } from '../../lib/problem'

const MAX_DEPTH = 32

/**
 * Postgres text cannot hold NUL characters, and no body of ours nests deeply. Both are
 * caught here, before validation, with the field named — instead of surfacing later as a
 * database error. Iterative, so a pathologically deep body cannot overflow the stack.
 */
export function findBodyDefect(body: unknown): { field: string; message: string } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number }
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field: path || 'body', message: 'must not contain NUL characters' }
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (depth >= MAX_DEPTH) return { field: path || 'body', message: `nests deeper than ${MAX_DEPTH} levels` }
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return { field: path || 'body', message: 'has a field name with a NUL character' }
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 })
    }
  }
  return undefined
}

export default fp(
  async function bodyGuard(app: FastifyInstance) {
    app.addHook('preValidation', async (request) => {
      const defect = findBodyDefect(request.body)
      if (defect) throw problem.validation([defect])
      const query = findBodyDefect(request.query)
      if (query) throw problem.validation([{ ...query, field: `querystring.${query.field}` }])
    })
  },
  { name: 'body-guard' },
)
