import type { DiscoveryChannel, HarmKind } from './vocabulary'

/**
 * The words a reporter reads while filing, wherever they file (the web form, Slack): one source,
 * so a number or an option means the same thing everywhere.
 */

export const discoveryChannelLabels: Record<DiscoveryChannel, string> = {
  code_review: 'In a code review',
  design_review: 'In a design review',
  planning: 'During planning',
  launch: 'At a launch',
  production: 'In production',
  customer: 'From a customer',
  chat: 'In chat',
  meeting: 'In a meeting',
  announcement: 'From an announcement',
  other: 'Some other way',
}

export const harmKindLabels: Record<HarmKind, string> = {
  rework: 'Rework',
  delay: 'Delay',
  customer: 'Customer impact',
  cost: 'Cost',
  quality: 'Quality',
  morale: 'Morale',
  opportunity: 'Lost opportunity',
}

export const surpriseWords: Record<number, string> = {
  1: 'A little unexpected',
  2: 'Unexpected',
  3: 'Surprising',
  4: 'Very surprising',
  5: 'Completely blindsided',
}

export const harmWords: Record<number, string> = {
  0: 'No harm: it did not hurt us',
  1: 'Minor: a small detour',
  2: 'Noticeable: some rework or waiting',
  3: 'Significant: a goal slipped',
  4: 'Serious: a goal is at risk',
  5: 'Severe: a goal is lost',
}
