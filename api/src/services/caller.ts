import type { Actor, IncidentViewer } from '@misalign/db'
import { type Action, can, fail, type ResourceOwnership } from '@misalign/shared'

/**
 * Who is asking, as every service needs it: their role and teams, the keyed hash of their
 * anonymous reports (ADR 007), and how the audit log names them. Built from a session or token
 * by the API, from the command line by the CLI, from a Slack user by the Slack integration.
 */
export interface Caller {
  viewer: IncidentViewer
  actor: Actor
}

/** The first line of every service function: may this caller do this, here? */
export function authorize(caller: Caller, action: Action, resource?: ResourceOwnership): void {
  if (!can(caller.viewer, action, resource)) {
    throw fail.forbidden(
      `Your role (${caller.viewer.role}) may not ${describeAction(action)} here. Ask a lead of the owning team or an admin.`,
    )
  }
}

export function describeAction(action: Action): string {
  const [resource, verb] = action.split('.')
  return `${verb} ${resource === 'gap' ? 'strategy gaps' : `${resource}s`}`.replace('own sessions', 'use this session')
}
