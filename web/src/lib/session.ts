import type { Role } from '@misalign/shared'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, api, setCsrfToken } from './api'
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

/** Signed out is an answer, not an error: the query resolves to null on 401. */
async function fetchSession(): Promise<SessionUser | null> {
  try {
    const session = await api.get<Session>('/auth/session')
    setCsrfToken(session.csrfToken)
    return session.user
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
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
