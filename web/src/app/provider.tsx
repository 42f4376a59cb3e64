import { QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { onSignInRequired } from '../lib/api'
import { createQueryClient } from '../lib/query-client'
import { sessionOptions } from '../lib/session'

export function AppProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => {
    const queryClient = createQueryClient()
    // A 401 mid-session (expired, signed out elsewhere): forget the user; the shell then sends them to sign in.
    onSignInRequired(() => queryClient.setQueryData(sessionOptions().queryKey, null))
    return queryClient
  })
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}
