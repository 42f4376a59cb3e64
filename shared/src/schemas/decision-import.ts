import { type Static, Type } from 'typebox'
import { decisionStatuses } from '../domain/vocabulary'
import { Nullable, Text, Uuid } from './common'
import { TradeoffSchema } from './decisions'

/** One ADR file: its path inside the ADR folder and its Markdown as text. */
export const AdrFileInput = Type.Object(
  {
    path: Text(500, { minLength: 1, description: 'Path of the file, e.g. docs/adr/0001-record-architecture-decisions.md' }),
    content: Text(1_000_000, { description: 'The Markdown, as UTF-8 text' }),
  },
  { additionalProperties: false },
)
export type AdrFileInput = Static<typeof AdrFileInput>

export const DecisionImportRequest = Type.Object(
  {
    owningTeamId: Uuid,
    linkBase: Type.Optional(
      Type.String({
        format: 'uri',
        maxLength: 1000,
        description: 'Where the files are browsable; each decision links to this + the file path',
        examples: ['https://github.com/org/repo/blob/main/docs/adr/'],
      }),
    ),
    dryRun: Type.Boolean({ description: 'true: read and compare only, write nothing' }),
    files: Type.Optional(Type.Array(AdrFileInput, { maxItems: 2000 })),
    zip: Type.Optional(
      Type.String({ maxLength: 14_000_000, description: 'A zip of the ADR folder, base64; only its .md files are read' }),
    ),
    acceptTradeoffs: Type.Optional(
      Type.Array(Text(500), {
        maxItems: 2000,
        description: 'Paths whose suggested tradeoff a person confirmed; only these are stored',
      }),
    ),
  },
  { additionalProperties: false },
)
export type DecisionImportRequest = Static<typeof DecisionImportRequest>

const FieldNote = Type.Object({ field: Type.String(), message: Type.String() })

export const decisionImportActions = ['create', 'update', 'unchanged', 'skip', 'error'] as const
export type DecisionImportAction = (typeof decisionImportActions)[number]

export const DecisionImportRow = Type.Object({
  path: Type.String({ description: 'As sent' }),
  relativePath: Type.String({ description: 'Relative to the ADR folder: what the idempotency key uses' }),
  externalRef: Type.String(),
  action: Type.Enum(decisionImportActions),
  decisionId: Nullable(Uuid),
  format: Type.Enum(['madr', 'nygard', 'other']),
  title: Type.String(),
  adrStatus: Nullable(Type.String({ description: 'The status as the file words it' })),
  status: Nullable(Type.Enum(decisionStatuses)),
  decidedAt: Nullable(Type.String()),
  link: Nullable(Type.String()),
  summary: Type.String(),
  supersededBy: Nullable(Type.String({ description: 'Relative path of the newer record' })),
  suggestedTradeoff: Nullable(TradeoffSchema),
  tradeoffAccepted: Type.Boolean(),
  skipReason: Nullable(Type.String()),
  problems: Type.Array(FieldNote, { description: 'What stops this file from being imported' }),
  notes: Type.Array(FieldNote, { description: 'What was assumed; nothing to fix' }),
})
export type DecisionImportRow = Static<typeof DecisionImportRow>

export const DecisionImportResult = Type.Object({
  dryRun: Type.Boolean(),
  counts: Type.Object({
    create: Type.Integer(),
    update: Type.Integer(),
    unchanged: Type.Integer(),
    skip: Type.Integer(),
    error: Type.Integer(),
  }),
  files: Type.Array(DecisionImportRow),
})
export type DecisionImportResult = Static<typeof DecisionImportResult>
