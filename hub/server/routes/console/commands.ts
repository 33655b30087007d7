// Commands from the console: to one kiosk or every kiosk of a store; the list with each
// one's state and result; a screenshot's image. The kiosk's long-poll is woken at once.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { commandLogRoute, commandScreenshotRoute, commandsListRoute, sendCommandRoute, type CommandRow } from '../../../../content/schema/hub-api/console/fleet.ts';
import { audit } from '../../../store/queries/audit.ts';
import { announceCommands } from '../../../store/queries/command-notify.ts';
import { commandLogLines, commandScreenshot, createCommands, expireCommands, listCommands, type CommandRecord } from '../../../store/queries/commands.ts';
import { listKiosks } from '../../../store/queries/kiosks.ts';
import { authenticate, visibleStores, type Principal } from '../../auth/authenticate.ts';
import { addRoute } from '../../http/add-route.ts';
import { badRequest, forbidden, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { actorOf } from './users.ts';

export const toCommandRow = (c: CommandRecord): CommandRow => ({
  id: c.id,
  deviceId: c.deviceId,
  kind: c.kind as CommandRow['kind'],
  state: c.state,
  createdAt: c.createdAt,
  createdBy: c.createdBy,
  expiresAt: c.expiresAt,
  finishedAt: c.finishedAt,
  message: c.message,
  screenshot: c.screenshot,
  log: c.kind === 'logs' ? { wanted: c.linesWanted, received: c.logLineCount } : null,
});

const OPERATORS = ['admin', 'store-manager'] as const;

async function kioskIdsVisible(hub: HubContext, principal: Principal): Promise<string[] | null> {
  const visible = visibleStores(principal);
  return visible ? (await listKiosks(hub.store, { storeIds: visible })).map((k) => k.deviceId) : null;
}

export function registerConsoleCommands(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    sendCommandRoute,
    async ({ input, principal }) => {
      const b = input.body;
      const visible = visibleStores(principal);
      const targets =
        'deviceId' in b.target
          ? await listKiosks(hub.store, { storeIds: visible, deviceId: b.target.deviceId })
          : await listKiosks(hub.store, { storeIds: visible, storeId: b.target.storeId });
      const live = targets.filter((k) => k.revokedAt === null);
      if ('deviceId' in b.target && targets.length === 0) throw notFound(`There is no kiosk ${b.target.deviceId} (or it is in a store you do not look after).`);
      if (live.length === 0) throw badRequest('No enrolled kiosk to send this to.');
      const now = hub.clock.now();
      const by = principal.kind === 'user' ? principal.username : 'hub';
      const made = await createCommands(
        hub.store,
        live.map((k) => ({ id: randomUUID(), deviceId: k.deviceId, kind: b.kind, createdBy: by, now, expiresAt: now + b.expiresInMin * 60_000, linesWanted: b.kind === 'logs' ? b.lines : undefined })),
      );
      for (const c of made) {
        hub.waiters.notify(c.deviceId);
        await audit(hub.store, { at: now, actor: actorOf(principal), action: 'command.sent', target: c.deviceId, detail: { kind: c.kind, commandId: c.id } });
      }
      await announceCommands(hub.store, made.map((c) => c.deviceId));
      return { commands: made.map(toCommandRow) };
    },
    { roles: OPERATORS, bodyLimit: 4096 },
  );

  addRoute(app, hub, commandsListRoute, async ({ input, principal }) => {
    await expireCommands(hub.store, hub.clock.now());
    const commands = await listCommands(hub.store, { deviceId: input.query.deviceId, deviceIds: await kioskIdsVisible(hub, principal), limit: input.query.limit });
    return { commands: commands.map(toCommandRow) };
  });

  // The log lines are text, for reading in the browser or saving: the same session check.
  app.get(commandLogRoute.path, async (request, reply) => {
    const principal = await authenticate(hub, commandLogRoute, request, undefined);
    const id = String((request.params as { id?: unknown }).id ?? '');
    const log = await commandLogLines(hub.store, id);
    if (!log) throw notFound('This command has no log lines.');
    const visible = await kioskIdsVisible(hub, principal);
    if (visible && !visible.includes(log.deviceId)) throw forbidden('This kiosk is in a store you do not look after.');
    return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'private, no-store').send(log.lines.length ? `${log.lines.join('\n')}\n` : '');
  });

  // The screenshot is an image, not JSON: its own small handler behind the same session check.
  app.get(commandScreenshotRoute.path, async (request, reply) => {
    const principal = await authenticate(hub, commandScreenshotRoute, request, undefined);
    const id = String((request.params as { id?: unknown }).id ?? '');
    const shot = await commandScreenshot(hub.store, id);
    if (!shot) throw notFound('This command has no screenshot.');
    const visible = await kioskIdsVisible(hub, principal);
    if (visible && !visible.includes(shot.deviceId)) throw forbidden('This kiosk is in a store you do not look after.');
    return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=3600').send(Buffer.from(shot.bytes));
  });
}
