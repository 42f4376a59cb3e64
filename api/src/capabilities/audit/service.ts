import type { AuditEntry, AuditQuery, Page } from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'

/** The audit log is written by every other service, inside its own transaction; here it is only read. */
export function auditService(deps: ServiceDeps) {
  return {
    list(caller: Caller, query: AuditQuery): Promise<Page<AuditEntry>> {
      authorize(caller, 'audit.read')
      return deps.repos.audit.list(query)
    },
  }
}

export type AuditService = ReturnType<typeof auditService>
