import { Ajv } from 'ajv'
import formats from 'ajv-formats'
import type { TSchema } from 'typebox'

// The API's own validator settings, so the CLI and Slack accept exactly what the routes accept.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as typeof formats
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false }))
const compiled = new WeakMap<TSchema, ReturnType<typeof ajv.compile>>()

/** What is wrong with `value` against a shared schema, by top-level field ('' for the whole value). */
export function schemaProblems(schema: TSchema, value: unknown): { field: string; message: string }[] {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  if (validate(value)) return []
  return (validate.errors ?? []).map((error) => ({
    field: error.instancePath.replace(/^\//, '').split('/')[0] ?? '',
    message: error.message ?? 'is invalid',
  }))
}
