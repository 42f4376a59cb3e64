import type { Role } from '@misalign/shared'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, setCsrfToken } from './api'
import { sessionKeys } from './query-keys'

export interface SessionUser {
  id: string
  email: string
  displayName: string
  role: Role
  teamIds: string[]
}
interface Session {
  user: SessionUser
  csrfToken: string
}

/**
 * Signed out is an answer, not an error. /auth/whoami says so with a 200 (user null): a 401 here
 * would be logged by the browser as a console error on every visit to the sign-in page.
 */
async function fetchSession(): Promise<SessionUser | null> {
  const session = await api.get<{ user: SessionUser | null; csrfToken: string | null }>('/auth/whoami')
  setCsrfToken(session.csrfToken ?? '')
  return session.user
}

export const sessionOptions = () =>
  queryOptions({ queryKey: sessionKeys.all, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY })
export const useSession = () => useQuery(sessionOptions())

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useUser(): SessionUser {
  const { data } = useSession()
  if (!data) throw new Error('useUser outside the signed-in shell')
  return data
}

export function useSignIn() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Session>('/auth/sign-in', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken)
      // Another person may have used this tab: nothing cached may outlive the old session.
      client.clear()
      client.setQueryData(sessionOptions().queryKey, session.user)
    },
  })
}

export function useSignOut() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<void>('/auth/sign-out'),
    onSettled: () => {
      setCsrfToken('')
      client.clear()
      client.setQueryData(sessionOptions().queryKey, null)
    },
  })
}
