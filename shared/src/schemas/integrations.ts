import { type Static, Type } from 'typebox'
import { DateTime, Nullable, PageQuery, Uuid } from './common'

/** Slack's conversation ids: C… for a public channel, G… for a private one. */
export const SlackChannelId = Type.String({
  pattern: '^[CG][A-Z0-9]{2,30}$',
  description: 'The channel id (C… or G…), from the channel’s details in Slack: not its #name',
})

export const TeamChannel = Type.Object({ teamId: Uuid, teamName: Type.String(), channelId: SlackChannelId })
export type TeamChannel = Static<typeof TeamChannel>

export const TeamChannelBody = Type.Object({ channelId: SlackChannelId }, { additionalProperties: false })
export type TeamChannelBody = Static<typeof TeamChannelBody>

export const TeamIdParams = Type.Object({ teamId: Uuid }, { additionalProperties: false })
export type TeamIdParams = Static<typeof TeamIdParams>

/** What an admin sees of the integrations: whether each secret is set (never its value), and where things go. */
export const IntegrationStatus = Type.Object({
  slack: Type.Object({
    configured: Type.Boolean(),
    signingSecret: Type.Enum(['set', 'missing']),
    botToken: Type.Enum(['set', 'missing']),
    apiUrl: Nullable(Type.String()),
    /** The request URLs to give Slack (the app manifest's), from APP_URL. */
    commandUrl: Nullable(Type.String()),
    interactionsUrl: Nullable(Type.String()),
  }),
  channels: Type.Array(TeamChannel),
})
export type IntegrationStatus = Static<typeof IntegrationStatus>

export const Delivery = Type.Object({
  id: Uuid,
  integration: Type.String(),
  kind: Type.String(),
  target: Type.String({ description: 'A channel and what it was about; never who reported' }),
  status: Type.Enum(['sent', 'skipped', 'failed']),
  detail: Nullable(Type.String()),
  at: DateTime,
})
export type Delivery = Static<typeof Delivery>

export const DeliveryQuery = Type.Object({ ...PageQuery }, { additionalProperties: false })
export type DeliveryQuery = Static<typeof DeliveryQuery>

export const SlackTestBody = Type.Object({ teamId: Uuid }, { additionalProperties: false })
export type SlackTestBody = Static<typeof SlackTestBody>
