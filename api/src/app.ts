import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Database, Repositories } from '@misalign/db'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import routes from './capabilities/index'
import type { Services } from './capabilities/services'
import { wireServices } from './capabilities/wiring'
import type { AppConfig } from './config'
import type { JobQueue } from './jobs/queue'
import { logSafeError } from './lib/log-safe-error'
import auth from './plugins/app/auth'
import bodyGuard from './plugins/app/body-guard'
import errorHandler, { clientErrorHandler, frameworkErrors } from './plugins/app/error-handler'
import incidentViewer from './plugins/app/incident-viewer'
import validation from './plugins/app/validation'
import webApp from './plugins/app/web-app'
import security from './plugins/external/security'
import swagger from './plugins/external/swagger'

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig
    database: Database
    repos: Repositories
    /** The one way in for every change (api/src/capabilities/services.ts). */
    services: Services
    jobs: JobQueue
  }
}

export interface AppOptions {
  config: AppConfig
  database: Database
  /** Where logs go (default stdout); tests pass a stream they can search. */
  logStream?: { write(line: string): void }
}

/**
 * Logs never carry client addresses, query strings, bodies or query parameters: reports may
 * be anonymous, and a log line must not be able to say who filed one.
 */
const serializers = {
  req: (request: { id: string; method: string; routeOptions?: { url?: string } }) => ({
    id: request.id,
    method: request.method,
    route: request.routeOptions?.url,
  }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  // A failed query's error carries its parameters: logSafeError keeps them out (docs/decisions/014).
  err: (error: unknown) => logSafeError(error),
}

/** Builds the whole app against a database; never listens (server.ts does). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.config.logLevel, serializers, ...(options.logStream ? { stream: options.logStream } : {}) },
    // We log one line per request ourselves (onResponse), without addresses or query strings.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // Bounded so a slow or stuck client cannot hold a socket forever (README, "Running in
    // production"): headers within 10 s, the whole request within 30 s, an idle keep-alive
    // socket 5 s by default. Node checks these every second (its default, 30 s, let a slow
    // client stay up to a minute past them).
    requestTimeout: 30_000,
    keepAliveTimeout: options.config.keepAliveTimeoutMs,
    http: { headersTimeout: 10_000, connectionsCheckingInterval: 1_000 },
    // On close, sockets with no request in flight are closed at once; busy ones after their answer.
    // A request arriving meanwhile gets our 503 problem (error-handler), not Fastify's JSON one.
    forceCloseConnections: 'idle',
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // What the router or the HTTP parser refuses still answers as problem+json with our headers.
    frameworkErrors,
    clientErrorHandler,
    trustProxy: options.config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('config', options.config)
  app.decorate('database', options.database)
  const { deps, services } = wireServices(options.database, options.config, (error) =>
    app.log.error({ err: error }, 'job queue error'),
  )
  const jobs = deps.queue
  app.decorate('repos', deps.repos)
  app.decorate('services', services)
  app.decorate('jobs', jobs)
  // Workers start once the app is ready and stop before it closes (and before the database does).
  app.addHook('onReady', () => jobs.start())
  app.addHook('onClose', () => jobs.stop())

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    )
  })

  await app.register(errorHandler)
  await app.register(validation)
  await app.register(bodyGuard)
  // Security headers first, so even a refused request carries them.
  await app.register(security)
  await app.register(auth)
  await app.register(incidentViewer)
  await app.register(swagger)
  await app.register(routes)
  await app.register(webApp)
  return app
}
