import { hash, verify } from '@node-rs/argon2'

/** OWASP's recommended argon2id parameters: 19 MiB, 2 iterations, 1 lane. */
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => hash(password, options)

// Verified against when the email is unknown, so "no such user" takes as long as "wrong password".
const dummyHash = hash('not a real password', options)

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(passwordHash, password).catch(() => false)
}

export const MIN_PASSWORD_LENGTH = 12
