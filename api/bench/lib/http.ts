import { Pool } from 'undici'

/** Every request the bench sends carries these headers, built here and nowhere else. */
export function baseHeaders(token: string | undefined): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  }
}

export interface HttpResponse {
  status: number
  body: string
}

/** A keep-alive client over real sockets, one connection per concurrent worker. */
export class HttpClient {
  private readonly pool: Pool
  private readonly headers: Record<string, string>

  constructor(origin: string, connections: number, token?: string) {
    this.pool = new Pool(origin, { connections, pipelining: 1 })
    this.headers = baseHeaders(token)
  }

  async post(path: string, body: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpResponse> {
    const res = await this.pool.request({
      method: 'POST',
      path,
      headers: { ...this.headers, ...extraHeaders },
      body: JSON.stringify(body),
    })
    return { status: res.statusCode, body: await res.body.text() }
  }

  close(): Promise<void> {
    return this.pool.close()
  }
}
