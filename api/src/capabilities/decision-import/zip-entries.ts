import { type DomainError, fail } from '@misalign/shared'
import { Unzip, type UnzipFile, UnzipInflate } from 'fflate'
import { type AdrFile, unsafePathReason } from './import-plan'

/** docs/decisions/039: an ADR folder is a few hundred small files; anything far past that is refused. */
export const zipLimits = {
  maxUncompressedBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxFileBytes: 1024 * 1024,
}
export type ZipLimits = typeof zipLimits

/**
 * Small pieces keep each inflate step small: deflate expands at most ~1,000 times, so a 4 KiB
 * piece can never produce more than a few MiB before the running total is checked again.
 */
const PIECE = 4 * 1024

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/** Strict UTF-8: a byte that is not UTF-8 is refused, naming the file, rather than turned into "�". */
export function decodeUtf8(name: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw fail.malformed(`${name} is not UTF-8 text. Save it as UTF-8 and import it again.`, [
      { field: name, message: 'is not valid UTF-8' },
    ])
  }
}

/** macOS adds "__MACOSX/._name.md" resource forks to zips it makes; they are not Markdown. */
const isPlatformLitter = (name: string) => name.split('/').some((part) => part === '__MACOSX' || part.startsWith('._'))

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * The Markdown files of a zip, inflated as a stream with the sizes counted as they come: the
 * headers' declared sizes are never trusted, so a zip bomb stops at the limit, not after it.
 * Entries that are not .md are never inflated. Throws a 400-kind DomainError naming the entry.
 */
export function markdownFilesFromZip(zip: Uint8Array, limits: ZipLimits = zipLimits): AdrFile[] {
  const isZip = zip.length >= 4 && zip[0] === 0x50 && zip[1] === 0x4b && (zip[2] === 3 || zip[2] === 5)
  if (!isZip) throw fail.malformed('The zip is not a zip file (it does not start with "PK"). Send a .zip of the ADR folder.')
  const files: AdrFile[] = []
  let entries = 0
  let total = 0
  let failure: DomainError | undefined
  const refuse = (error: DomainError) => {
    failure ??= error
  }

  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.onfile = (file: UnzipFile) => {
    if (failure) return
    entries += 1
    if (entries > limits.maxEntries) {
      return refuse(fail.malformed(`The zip has more than ${limits.maxEntries} entries. Import the ADR folder alone.`))
    }
    const unsafe = unsafePathReason(file.name)
    if (unsafe) {
      return refuse(
        fail.malformed(`The zip entry "${file.name}" ${unsafe}; entries must stay inside the folder.`, [
          { field: file.name, message: unsafe },
        ]),
      )
    }
    if (file.name.endsWith('/') || !/\.md$/i.test(file.name) || isPlatformLitter(file.name)) return
    const chunks: Uint8Array[] = []
    let size = 0
    file.ondata = (error, chunk, final) => {
      if (failure) return
      if (error) return refuse(fail.malformed(`The zip entry "${file.name}" is damaged: ${error.message}`))
      size += chunk.length
      total += chunk.length
      if (size > limits.maxFileBytes) {
        return refuse(
          fail.malformed(
            `The zip entry "${file.name}" inflates to more than ${megabytes(limits.maxFileBytes)}; an ADR is far smaller.`,
            [{ field: file.name, message: 'is too large' }],
          ),
        )
      }
      if (total > limits.maxUncompressedBytes) {
        return refuse(
          fail.malformed(`The zip inflates to more than ${megabytes(limits.maxUncompressedBytes)}; import the ADR folder alone.`),
        )
      }
      chunks.push(chunk)
      if (!final) return
      try {
        files.push({ path: file.name, content: decodeUtf8(file.name, concat(chunks, size)) })
      } catch (decodeError) {
        refuse(decodeError as DomainError)
      }
    }
    file.start()
  }

  try {
    for (let offset = 0; offset < zip.length && !failure; offset += PIECE) {
      unzip.push(zip.subarray(offset, offset + PIECE), offset + PIECE >= zip.length)
    }
  } catch (error) {
    refuse(fail.malformed(`The zip file is damaged and cannot be read (${(error as Error).message}).`))
  }
  if (failure) throw failure
  return files
}
