// The hub as a Fastify app, its parts registered in a fixed order: errors, security
// headers, rate limits, the hub's time on the console's answers, request logging, kiosk
// routes, console routes, the console's files. Built without listening, so tests call it
// with inject().
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { HUB_TIME_HEADER } from '../../content/schema/hub-api/route.ts';
import type { HubStore } from '../store/open-store.ts';
import { createIngestQueue } from '../store/queries/ingest-queue.ts';
import type { Clock } from './clock.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { bundledUploadWorker, createUploadReaders, defaultUploadThreads } from './ingest/upload-readers.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import type { HubContext, HubOptions } from './hub-context.ts';
import { registerAlerts } from './routes/console/alerts.ts';
import { registerAnalytics } from './routes/console/analytics.ts';
import { registerTills } from './routes/console/tills.ts';
import { registerEventsExport } from './routes/console/events-export.ts';
import { registerTillRoutes } from './routes/till/redeem.ts';
import { registerConsoleAuth } from './routes/console/auth.ts';
import { registerConsoleCommands } from './routes/console/commands.ts';
import { registerEnrolment } from './routes/console/enrolment.ts';
import { registerFleet } from './routes/console/fleet.ts';
import { registerStores } from './routes/console/stores.ts';
import { registerUsers } from './routes/console/users.ts';
import { createCommandWaiters } from './routes/kiosk/command-waiters.ts';
import { registerAppUpdates } from './routes/kiosk/app-updates.ts';
import { registerKioskCommands } from './routes/kiosk/commands.ts';
import { registerEnrol } from './routes/kiosk/enrol.ts';
import { registerHeartbeat } from './routes/kiosk/heartbeat.ts';
import { registerIngest } from './routes/kiosk/ingest.ts';
import { registerKioskPack } from './routes/kiosk/pack.ts';
import { registerPacks } from './routes/console/packs.ts';
import { registerPackDrafts } from './routes/console/pack-drafts.ts';
import { registerPackDiff } from './routes/console/pack-diff.ts';
import { registerPreview } from './routes/console/preview.ts';
import { healthRoute } from './routes/health.ts';
import { registerTrackingPlan } from './routes/tracking-plan.ts';

export interface BuildHubOptions {
  store: HubStore;
  clock: Clock;
  options: HubOptions;
  /** pino settings: a level, or false for silence (tests). */
  logger?: { level: string } | false;
}

export async function buildHub({ store, clock, options, logger = { level: 'info' } }: BuildHubOptions): Promise<{ app: FastifyInstance; hub: HubContext }> {
  const app = Fastify({
    logger: logger === false ? false : { level: logger.level, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    // Each request is logged once, by the hook below, without addresses, queries or bodies.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    connectionTimeout: 0,
    keepAliveTimeout: 65_000,
    // Long enough for a 2 GiB pack upload over a store's slow line; an upload that stalls
    // is cut by the pack route itself (PACK_UPLOAD_STALL_MS), other bodies are 64 KiB at most.
    requestTimeout: 60 * 60_000,
    routerOptions: { maxParamLength: 200 },
    trustProxy: process.env.HUB_TRUST_PROXY === '1',
  });
  const uploadReaders = createUploadReaders({ threads: options.uploadThreads ?? defaultUploadThreads(), workerFile: bundledUploadWorker() });
  app.addHook('onClose', () => uploadReaders.close());
  const hub: HubContext = { store, clock, log: app.log, waiters: createCommandWaiters(), ingestQueue: createIngestQueue(store), uploadReaders, options };

  installErrorHandling(app);
  installSecurityHeaders(app);
  await app.register(fastifyRateLimit, {
    global: false,
    // After the credential is checked, so kiosks are counted by credential, not by the shop's one address.
    hook: 'preHandler',
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, error: `Too many requests: try again in ${Math.ceil(context.ttl / 1000)} s.`, code: 'rate-limited' }),
  });
  // The console's answers carry the hub's time (its pages count ages from it).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/')) reply.header(HUB_TIME_HEADER, String(clock.now()));
    done(null, payload);
  });
  app.addHook('onResponse', async (request, reply) => {
    const who = request.principal?.kind === 'kiosk' ? { kiosk: request.principal.deviceId } : {};
    request.log.info({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime), ...who }, 'request');
  });

  app.get(healthRoute.path, async () => ({ ok: true, database: store.dialect }));
  registerEnrol(app, hub);
  registerIngest(app, hub);
  registerHeartbeat(app, hub);
  registerKioskCommands(app, hub);
  await registerAppUpdates(app, hub);
  registerKioskPack(app, hub);
  registerConsoleAuth(app, hub);
  registerUsers(app, hub);
  registerStores(app, hub);
  registerFleet(app, hub);
  registerEnrolment(app, hub);
  registerConsoleCommands(app, hub);
  registerAlerts(app, hub);
  registerAnalytics(app, hub);
  registerTills(app, hub);
  registerEventsExport(app, hub);
  registerPacks(app, hub);
  registerPackDrafts(app, hub);
  registerPackDiff(app, hub);
  await registerPreview(app, hub);
  registerTillRoutes(app, hub);
  registerTrackingPlan(app, hub);

  app.get('/', async (_request, reply) => reply.redirect('/console/'));
  if (options.consoleDir) {
    await app.register(fastifyStatic, { root: options.consoleDir, prefix: '/console/', index: ['index.html'], wildcard: false });
    // The console is one page: any address under /console/ that is not a file is that page.
    app.get('/console/*', async (_request, reply) => reply.sendFile('index.html'));
  }
  return { app, hub };
}
