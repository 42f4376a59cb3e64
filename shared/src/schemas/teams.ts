import { type Static, Type } from 'typebox'
import { DateTime, Nullable, PageQuery, RowMeta, Text, Uuid } from './common'

const Slug = Type.String({
  minLength: 2,
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9-]*$',
  description: 'Lowercase letters, digits and dashes, e.g. checkout-web',
})

export const Team = Type.Object({
  ...RowMeta,
  slug: Slug,
  name: Text(120),
  parentTeamId: Nullable(Uuid),
  archivedAt: Nullable(DateTime),
})
export type Team = Static<typeof Team>

export const NewTeam = Type.Object(
  { slug: Slug, name: Text(120, { minLength: 1 }), parentTeamId: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
)
export type NewTeam = Static<typeof NewTeam>

export const TeamChanges = Type.Object(
  {
    slug: Type.Optional(Slug),
    name: Type.Optional(Text(120, { minLength: 1 })),
    parentTeamId: Type.Optional(Nullable(Uuid)),
    archived: Type.Optional(Type.Boolean({ description: 'Archive or restore the team' })),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type TeamChanges = Static<typeof TeamChanges>

export const TeamQuery = Type.Object(
  { ...PageQuery, includeArchived: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
)
export type TeamQuery = Static<typeof TeamQuery>
