// Rollouts: an uploaded pack published to stores and/or kiosk groups from a start time,
// staged (a pilot group or a share of the kiosks first), promoted, rolled back; kiosk
// groups; and which kiosk runs which pack. Every change in the audit log.
import type { FastifyInstance } from 'fastify';
import {
  createRolloutRoute,
  kioskPacksRoute,
  promoteRolloutRoute,
  putKioskGroupsRoute,
  rollbackRolloutRoute,
  rolloutsRoute,
  type RolloutStaging,
} from '../../../../content/schema/hub-api/console/packs.ts';
import { audit } from '../../../store/queries/audit.ts';
import { packById } from '../../../store/queries/packs.ts';
import { createRollout, kioskGroups, kioskPackFacts, listRollouts, promoteRollout, rollBackRollout, rolloutById, setKioskGroups } from '../../../store/queries/rollouts.ts';
import { visibleStores } from '../../auth/authenticate.ts';
import { addRoute } from '../../http/add-route.ts';
import { badRequest, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { stagingOf } from '../../packs/assignment.ts';
import { kioskPackRows, rolloutRows } from '../../packs/fleet-packs.ts';
import { forgetRollouts } from '../../packs/kiosk-assignment.ts';
import { conflict, packActor, PUBLISHERS } from './pack-publishers.ts';

export function registerRollouts(app: FastifyInstance, hub: HubContext): void {
  /** Every rollout and kiosk worked out together (a rollout's kiosks depend on the rollouts after it). */
  const fleetView = async (storeIds: readonly string[] | null, storeId?: string) => {
    const now = hub.clock.now();
    const rollouts = await listRollouts(hub.store);
    const all = kioskPackRows(await kioskPackFacts(hub.store), rollouts, now, hub.options.onlineWithinMs);
    const visible = all.filter((k) => (!storeIds || storeIds.includes(k.storeId)) && (!storeId || k.storeId === storeId));
    return { now, rollouts, all, visible };
  };
  const rowOf = async (id: string) => {
    const { rollouts, all, now } = await fleetView(null);
    const row = rolloutRows(rollouts, all, now).find((r) => r.id === id);
    if (!row) throw notFound(`There is no rollout ${id}.`);
    return row;
  };

  addRoute(app, hub, rolloutsRoute, async () => {
    const { rollouts, all, now } = await fleetView(null);
    return { rollouts: rolloutRows(rollouts, all, now), now };
  });

  addRoute(app, hub, kioskPacksRoute, async ({ input, principal }) => {
    const { visible, now } = await fleetView(visibleStores(principal), input.query.storeId);
    return { kiosks: visible, now };
  });

  addRoute(
    app,
    hub,
    putKioskGroupsRoute,
    async ({ input, principal }) => {
      const before = await kioskGroups(hub.store, input.params.deviceId);
      if (before === null) throw notFound(`There is no kiosk ${input.params.deviceId}.`);
      const groups = [...new Set(input.body.groups)].sort();
      await setKioskGroups(hub.store, input.params.deviceId, groups);
      await audit(hub.store, { at: hub.clock.now(), actor: packActor(principal), action: 'kiosk.groups-changed', target: input.params.deviceId, detail: { before, after: groups } });
      return { deviceId: input.params.deviceId, groups };
    },
    { roles: PUBLISHERS, bodyLimit: 4096 },
  );

  addRoute(
    app,
    hub,
    createRolloutRoute,
    async ({ input, principal }) => {
      const body = input.body;
      const pack = await packById(hub.store, body.pack);
      if (!pack) throw notFound(`There is no pack ${body.pack} on this hub.`);
      const now = hub.clock.now();
      const startsAt = body.startsAt ?? now;
      if (pack.validTo && Date.parse(pack.validTo) <= Math.max(now, startsAt)) {
        throw badRequest(`${pack.packId} ${pack.version} is valid only until ${pack.validTo}: kiosks would refuse it. Build it with a later validTo.`, 'pack-expired');
      }
      if (pack.validFrom && Date.parse(pack.validFrom) > startsAt) {
        throw badRequest(`${pack.packId} ${pack.version} is valid only from ${pack.validFrom}: start the rollout then or later.`, 'pack-not-yet-valid');
      }
      const stores = [...new Set(body.stores)].sort();
      const groups = [...new Set(body.groups)].sort();
      // The pack's own targets: a store it is not made for would refuse it.
      const outside = pack.targets.stores.length > 0 ? (stores.length > 0 ? stores.filter((s) => !pack.targets.stores.includes(s)) : ['(every store)']) : [];
      if (outside.length > 0) {
        throw badRequest(`${pack.packId} ${pack.version} is made for stores ${pack.targets.stores.join(', ')} only (pack.json targets); kiosks in ${outside.join(', ')} would refuse it.`, 'outside-targets');
      }
      const staging: RolloutStaging = body.staging;
      const rollout = await createRollout(hub.store, {
        pack: pack.id,
        packId: pack.packId,
        version: pack.version,
        stores,
        groups,
        staging,
        phase: staging.kind === 'all' ? 'full' : 'pilot',
        percent: staging.kind === 'percent' ? staging.percent : null,
        startsAt,
        createdAt: now,
        createdBy: packActor(principal),
      });
      forgetRollouts(hub);
      await audit(hub.store, {
        at: now,
        actor: packActor(principal),
        action: 'pack.published',
        target: `${pack.packId}@${pack.version}`,
        detail: { rollout: rollout.id, pack: pack.id, stores, groups, staging, startsAt },
      });
      return rowOf(rollout.id);
    },
    { roles: PUBLISHERS, bodyLimit: 32 * 1024 },
  );

  addRoute(
    app,
    hub,
    promoteRolloutRoute,
    async ({ input, principal }) => {
      const rollout = await rolloutById(hub.store, input.params.id);
      if (!rollout) throw notFound(`There is no rollout ${input.params.id}.`);
      if (rollout.rolledBackAt !== null) throw conflict(`Rollout ${rollout.id} was rolled back: publish the pack again instead.`, 'rolled-back');
      if (rollout.phase === 'full') throw conflict(`Rollout ${rollout.id} already covers every kiosk in it.`, 'already-full');
      const staging = stagingOf(rollout);
      const wanted = input.body.percent;
      if (wanted !== undefined && staging.kind !== 'percent') throw badRequest('A share of kiosks can only be raised on a percent rollout; promote without one to reach every kiosk.');
      if (wanted !== undefined && rollout.percent !== null && wanted <= rollout.percent) throw badRequest(`The rollout already reaches ${rollout.percent}% of its kiosks: give a larger share.`);
      const full = wanted === undefined || wanted >= 100;
      const now = hub.clock.now();
      await promoteRollout(hub.store, rollout.id, { phase: full ? 'full' : 'pilot', percent: full ? rollout.percent : wanted, now });
      forgetRollouts(hub);
      await audit(hub.store, {
        at: now,
        actor: packActor(principal),
        action: 'pack.rollout-promoted',
        target: `${rollout.packId}@${rollout.version}`,
        detail: { rollout: rollout.id, to: full ? 'every kiosk' : `${wanted}%`, from: staging.kind === 'percent' ? `${rollout.percent}%` : staging.kind === 'pilot' ? `group ${staging.group}` : 'all' },
      });
      return rowOf(rollout.id);
    },
    { roles: PUBLISHERS, bodyLimit: 1024 },
  );

  addRoute(
    app,
    hub,
    rollbackRolloutRoute,
    async ({ input, principal }) => {
      const rollout = await rolloutById(hub.store, input.params.id);
      if (!rollout) throw notFound(`There is no rollout ${input.params.id}.`);
      const now = hub.clock.now();
      if (!(await rollBackRollout(hub.store, rollout.id, packActor(principal), now))) throw conflict(`Rollout ${rollout.id} was already rolled back.`, 'rolled-back');
      forgetRollouts(hub);
      await audit(hub.store, {
        at: now,
        actor: packActor(principal),
        action: 'pack.rolled-back',
        target: `${rollout.packId}@${rollout.version}`,
        detail: { rollout: rollout.id, stores: rollout.stores, groups: rollout.groups },
      });
      return rowOf(rollout.id);
    },
    { roles: PUBLISHERS },
  );
}
