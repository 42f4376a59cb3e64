import fc from 'fast-check'

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  items?: JsonSchema
  minItems?: number
  format?: string
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
}

/** Values a careless or hostile client sends: wrong types, edge numbers, odd text. */
export const awkward: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\uffff',
    '𝕏'.repeat(300),
    'x'.repeat(70_000),
    "'; drop table incidents; --",
    '%_\\',
    '<script>alert(1)</script>',
    -1,
    0,
    1.5,
    2 ** 31,
    -(2 ** 63),
    Number.MAX_SAFE_INTEGER,
    1e308,
    true,
    [],
    {},
    [[[[[[[[[[]]]]]]]]]],
    { __proto__: { polluted: true } },
    '2026-02-30',
    '9999-12-31',
    '0000-01-01',
    '00000000-0000-0000-0000-000000000000',
    'MIS-0',
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 3 }),
)

/** A value shaped like the schema (ids drawn from real rows), so mutations reach deep code. */
export function fromSchema(schema: JsonSchema, ids: string[]): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const branches = schema.anyOf ?? schema.oneOf
  if (branches) return fc.oneof(...branches.map((branch) => fromSchema(branch, ids)))
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {}
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, value] of Object.entries(properties)) record[key] = fromSchema(value, ids)
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) })
    }
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, ids) : awkward, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(3, schema.minItems ?? 0),
      })
    case 'integer': {
      const min = schema.minimum ?? Math.min(-5, schema.maximum ?? 0)
      return fc.integer({ min, max: Math.max(min, schema.maximum ?? 1_000) })
    }
    case 'number':
      return fc.integer({ min: 0, max: 1_000 }).map((n) => n / 10)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'string':
      if (schema.format === 'uuid') return ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid()
      if (schema.format === 'date') return fc.constantFrom('2026-01-15', '2025-12-31', '2026-11-01')
      if (schema.format === 'uri') return fc.constantFrom('https://wiki.example.com/decision/1', 'http://x.test')
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 64))
      return fc
        .array(fc.constantFrom('decision', 'team', 'we', 'expected', 'harm', 'payments', 'search', 'Q3'), {
          minLength: 1,
          maxLength: 6,
        })
        .map((words) =>
          words
            .join(' ')
            .padEnd(schema.minLength ?? 0, '!')
            .slice(0, schema.maxLength ?? 200),
        )
    default:
      return awkward
  }
}

/** A body that is mostly valid with one or more fields swapped for awkward values, or junk. */
export function bodyArbitrary(schema: JsonSchema, ids: string[]): fc.Arbitrary<unknown> {
  const shaped = fromSchema(schema, ids)
  const keys = Object.keys(schema.properties ?? {})
  const mutated =
    keys.length === 0
      ? shaped
      : fc
          .tuple(shaped, fc.constantFrom(...keys, '__unknown_field__'), awkward)
          .map(([body, key, value]) => (body && typeof body === 'object' ? { ...body, [key]: value } : body))
  return fc.oneof({ weight: 2, arbitrary: shaped }, { weight: 5, arbitrary: mutated }, { weight: 1, arbitrary: awkward })
}
