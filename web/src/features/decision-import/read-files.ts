import type { AdrFileInput } from '@misalign/shared'

/** What the person picked, ready to send: Markdown as text, a zip as base64. */
export interface PickedFiles {
  files: AdrFileInput[]
  zip?: { name: string; base64: string }
  /** Files that are not UTF-8: refused here, by name, before anything is sent. */
  unreadable: string[]
}

const pathOf = (file: File) => file.webkitRelativePath || file.name

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // btoa takes a binary string; building it in slices keeps the call stack small for big zips.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export async function readPicked(list: FileList | File[]): Promise<PickedFiles> {
  const picked: PickedFiles = { files: [], unreadable: [] }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (const file of Array.from(list)) {
    const path = pathOf(file)
    if (/\.zip$/i.test(path)) {
      picked.zip = { name: path, base64: toBase64(new Uint8Array(await file.arrayBuffer())) }
      continue
    }
    if (!/\.md$/i.test(path)) continue
    try {
      picked.files.push({ path, content: decoder.decode(await file.arrayBuffer()) })
    } catch {
      picked.unreadable.push(path)
    }
  }
  return picked
}
