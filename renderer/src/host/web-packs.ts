// Which pack a browser-mode kiosk shows. A page cannot import a .kpack; it shows the
// pack its web server serves, or — when its hub assigns one — the hub's checked,
// unpacked copy, at the address the heartbeat answer names. A new pack is switched to
// between shoppers only (as the kiosk app does), never under one; one the screen cannot
// show is gone back from, and not tried again. When the hub assigns nothing any more
// (the rollout was rolled back), the page goes back to the pack its server serves.
import type { HubPackNews } from '../../../electron/common/hub-agent/hub-agent.ts';
import { hubUrl } from '../../../electron/common/hub-agent/hub-client.ts';
import type { ActivePack, PackRef, SessionState } from '../../../electron/common/kiosk-api.ts';

export interface WebPacksOptions {
  /** Where the web server serves its pack, ending in "/". */
  servedBaseUrl: string;
  fetchImpl: typeof fetch;
  session: () => SessionState;
  /** A switch for the renderer to load (between shoppers). */
  onChange: (pack: ActivePack) => void;
  log: (line: string) => void;
}

export interface WebPacks {
  /** The pack shown now (the server's, read on first call). */
  active(): Promise<ActivePack | null>;
  /** What the heartbeat reports: the pack shown, its last problem, how many packs were gone back from. */
  shown(): { packId: string; version: string } | null;
  problem(): string | null;
  rollbacks(): number;
  /** The hub's word (hubBaseUrl: the kiosk's hub.url). */
  onNews(news: HubPackNews, hubBaseUrl: string): void;
  /** The shopper left: a waiting pack is switched to. */
  sessionChanged(state: SessionState): void;
  /** The renderer could not show a pack. */
  failed(pack: PackRef, reason: string): void;
}

type Target = Omit<ActivePack, 'activation'>;

export function createWebPacks(o: WebPacksOptions): WebPacks {
  let shown: ActivePack | null = null;
  /** What was shown before the last switch: gone back to when the new pack cannot be shown. */
  let before: ActivePack | null = null;
  let pending: Target | null = null;
  let activations = 1;
  let problem: string | null = null;
  let rollbacks = 0;
  /** Pack addresses the screen could not show. */
  const refused = new Set<string>();

  const readServed = async (): Promise<Target | null> => {
    try {
      const res = await o.fetchImpl(`${o.servedBaseUrl}manifest.json`, { cache: 'no-store' });
      if (!res.ok) return null;
      const manifest = (await res.json()) as { packId?: unknown; version?: unknown };
      if (typeof manifest.packId !== 'string' || typeof manifest.version !== 'string') return null;
      return { packId: manifest.packId, version: manifest.version, baseUrl: o.servedBaseUrl };
    } catch {
      return null;
    }
  };
  let served: Promise<Target | null> | null = null;
  const servedPack = async (): Promise<Target | null> => {
    served ??= readServed();
    const pack = await served;
    // A server that had no pack may have one later: asked again next time.
    if (!pack) served = null;
    return pack;
  };

  const switchTo = (target: Target) => {
    before = shown;
    shown = { ...target, activation: ++activations };
    pending = null;
    o.log(`showing pack ${shown.packId}@${shown.version} from ${shown.baseUrl}`);
    o.onChange(shown);
  };

  const want = (target: Target) => {
    if (refused.has(target.baseUrl) || shown?.baseUrl === target.baseUrl) {
      pending = null;
      return;
    }
    pending = target;
    if (o.session() === 'idle') switchTo(target);
  };

  return {
    async active() {
      if (shown) return shown;
      const pack = await servedPack();
      // The hub's pack may have been switched to meanwhile.
      if (!shown && pack) shown = { ...pack, activation: 1 };
      return shown;
    },
    shown: () => (shown ? { packId: shown.packId, version: shown.version } : null),
    problem: () => problem,
    rollbacks: () => rollbacks,
    onNews(news, hubBaseUrl) {
      // Undefined (an enrolment answer): the hub did not say.
      if (news.assigned === undefined) return;
      const assigned = news.assigned;
      if (assigned) return want({ packId: assigned.packId, version: assigned.version, baseUrl: hubUrl(hubBaseUrl, assigned.files) });
      // Nothing assigned: back to the server's pack, if the hub's was shown.
      if (shown && shown.baseUrl !== o.servedBaseUrl) {
        void servedPack().then((pack) => {
          if (pack && shown?.baseUrl !== o.servedBaseUrl) want(pack);
        });
      } else pending = null;
    },
    sessionChanged(state) {
      if (state === 'idle' && pending) switchTo(pending);
    },
    failed(pack, reason) {
      if (!shown || pack.activation !== shown.activation) return;
      problem = `${pack.packId}@${pack.version}: ${reason}`;
      refused.add(shown.baseUrl);
      rollbacks += 1;
      o.log(`pack ${pack.packId}@${pack.version} could not be shown (${reason}); going back`);
      // The renderer kept the pack it had: the host says so again, under a new activation.
      if (before) switchTo(before);
      else shown = null;
    },
  };
}
