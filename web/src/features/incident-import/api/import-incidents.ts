import { type IncidentImportFormat, type IncidentImportResult, incidentImportContentTypes, type Problem } from '@misalign/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError, currentCsrfToken } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'

export interface IncidentUpload {
  file: File
  format: IncidentImportFormat
  dryRun: boolean
  /** Share of the file sent so far, 0–1: a 60 MB file takes a while on a slow link. */
  onProgress?: (sent: number) => void
}

const networkProblem: Problem = {
  type: 'about:blank',
  title: 'Network error',
  status: 0,
  detail: 'Could not reach the server. Check your connection and try again.',
}

/** The file as the request body. XMLHttpRequest rather than fetch: only it reports upload progress. */
export function uploadIncidents({ file, format, dryRun, onProgress }: IncidentUpload): Promise<IncidentImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/v1/incidents/import?dryRun=${dryRun}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('content-type', incidentImportContentTypes[format])
    xhr.setRequestHeader('accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('x-csrf-token', currentCsrfToken())
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total)
    }
    xhr.onerror = () => reject(new ApiError(networkProblem))
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = null
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as IncidentImportResult)
      const problem =
        body && typeof (body as Problem).detail === 'string'
          ? (body as Problem)
          : { ...networkProblem, title: 'Error', status: xhr.status, detail: `The server answered ${xhr.status}. Try again.` }
      reject(new ApiError(problem))
    }
    xhr.send(file)
  })
}

/** A dry run changes nothing; a real run files and updates incidents, so their lists go stale. */
export function useImportIncidents() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: uploadIncidents,
    onSuccess: async (result) => {
      if (result.dryRun) return
      if (result.counts.create > 0) await invalidateAfter(client, 'incident.filed')
      if (result.counts.update > 0) await invalidateAfter(client, 'incident.updated')
    },
  })
}
