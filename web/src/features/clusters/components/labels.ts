import type { ClusterSignal, ClusterStatus } from '@misalign/shared'

export const signalLabels: Record<ClusterSignal, string> = {
  same_decision: 'Same decision',
  same_strategy_gap: 'Same strategy gap',
  same_team_pair: 'Same team pair, close in time',
  similar_text: 'Similar words',
}

export const clusterStatusLabels: Record<ClusterStatus, string> = {
  suggested: 'Suggested',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
}
