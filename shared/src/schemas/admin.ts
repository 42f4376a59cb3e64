import { type Static, Type } from 'typebox'
import { roles } from '../domain/vocabulary'
import { DateOnly, DateTime, Nullable, PageQuery, RowMeta, Text, Uuid } from './common'

const Email = Type.String({ format: 'email', maxLength: 320 })

export const User = Type.Object({
  ...RowMeta,
  email: Type.String(),
  displayName: Type.String(),
  role: Type.Enum(roles),
  teamIds: Type.Array(Uuid),
  disabledAt: Nullable(DateTime),
})
export type User = Static<typeof User>

export const NewUser = Type.Object(
  {
    email: Email,
    displayName: Text(120, { minLength: 1 }),
    role: Type.Enum(roles),
    teamIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true, maxItems: 50 })),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024, description: 'At least 12 characters' })),
  },
  { additionalProperties: false },
)
export type NewUser = Static<typeof NewUser>

export const UserChanges = Type.Object(
  {
    role: Type.Optional(Type.Enum(roles)),
    displayName: Type.Optional(Text(120, { minLength: 1 })),
    disabled: Type.Optional(Type.Boolean({ description: 'A disabled user cannot sign in; their sessions end' })),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UserChanges = Static<typeof UserChanges>

export const ApiToken = Type.Object({
  id: Uuid,
  userId: Uuid,
  label: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart' }),
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
  createdAt: DateTime,
})
export type ApiToken = Static<typeof ApiToken>

export const NewApiToken = Type.Object({ userId: Uuid, label: Type.Optional(Text(120)) }, { additionalProperties: false })
export type NewApiToken = Static<typeof NewApiToken>

export const CreatedApiToken = Type.Object({
  ...ApiToken.properties,
  token: Type.String({ description: 'Shown once: store it now, it cannot be read again' }),
})

export const AuditEntry = Type.Object({
  id: Uuid,
  at: DateTime,
  actorId: Nullable(Uuid),
  actorLabel: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Uuid),
  changes: Type.Record(
    Type.String(),
    Type.Object({ before: Type.Optional(Type.Unknown()), after: Type.Optional(Type.Unknown()) }),
  ),
})
export type AuditEntry = Static<typeof AuditEntry>

export const AuditQuery = Type.Object(
  {
    ...PageQuery,
    entityType: Type.Optional(Text(40)),
    entityId: Type.Optional(Uuid),
    actorId: Type.Optional(Uuid),
    action: Type.Optional(Text(40)),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
)
export type AuditQuery = Static<typeof AuditQuery>

export const UserQuery = Type.Object({ ...PageQuery }, { additionalProperties: false })
