import { Ajv } from 'ajv'
import formats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Two validators: bodies are taken exactly as sent (no coercion, unknown fields rejected,
 * never silently dropped), while query strings and path parameters are text by nature and
 * are coerced to the declared types (a single value becomes a one-item array).
 */
export default fp(
  async function validation(app: FastifyInstance) {
    const common = { allErrors: true, strict: false, useDefaults: true, removeAdditional: false } as const
    // ajv-formats is CommonJS: its default export arrives wrapped under ESM.
    const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as typeof formats
    const bodies = addFormats(new Ajv({ ...common, coerceTypes: false }))
    const text = addFormats(new Ajv({ ...common, coerceTypes: 'array' }))
    app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies.compile(schema) : text.compile(schema)))
  },
  { name: 'validation' },
)
