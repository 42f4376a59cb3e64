import type { IssueLink, IssueLinks } from '@misalign/shared'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'
import { issueLinkKeys } from '../../../lib/query-keys'

/** An action by its id, an incident by its MIS key or id: what the API's address takes. */
export interface LinkSubject {
  type: 'action' | 'incident'
  id: string
}

const pathOf = (subject: LinkSubject) =>
  `/${subject.type === 'action' ? 'actions' : 'incidents'}/${encodeURIComponent(subject.id)}/links`

export const issueLinksOptions = (subject: LinkSubject) =>
  queryOptions({
    queryKey: issueLinkKeys.subject(subject.type, subject.id),
    queryFn: ({ signal }) => api.get<IssueLinks>(pathOf(subject), { signal }),
  })
export const useIssueLinks = (subject: LinkSubject) => useQuery(issueLinksOptions(subject))

export function useAddIssueLink(subject: LinkSubject) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (url: string) => api.post<IssueLink>(pathOf(subject), { url }),
    onSuccess: () => invalidateAfter(client, 'issue-link.changed'),
  })
}

export function useRemoveIssueLink(subject: LinkSubject) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (linkId: string) => api.delete<null>(`${pathOf(subject)}/${linkId}`),
    onSuccess: () => invalidateAfter(client, 'issue-link.changed'),
  })
}
