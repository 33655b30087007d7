// A copy of the active pack's catalogue shards in IndexedDB. Reading a shard from here
// takes a few milliseconds; reading it over pack:// or HTTP takes several times that, and
// a scan waits for one. Shards are kept by the SHA-256 the pack's manifest gives them, so
// a shard is what its name says, and one that did not change between two versions of a
// pack is copied once. Anything that goes wrong here costs only speed: the lookup reads
// the shard from the pack instead.
//
// Kiosks in the field upgrade in place: never edit or remove a version() below; add the
// next one with an upgrade() that rewrites old rows.
import { Dexie, type EntityTable } from 'dexie';
import type { Manifest } from '../../../content/schema/manifest.ts';

interface MirroredShard {
  /** The shard file's SHA-256, as the manifest names it. */
  sha: string;
  /** The shard's JSON, parsed. */
  shard: unknown;
}

type MirrorDb = Dexie & { shards: EntityTable<MirroredShard, 'sha'> };

export const CATALOG_MIRROR_DB = 'catalog-mirror';

function openMirrorDb(name: string): MirrorDb {
  const db = new Dexie(name) as MirrorDb;
  db.version(1).stores({ shards: 'sha' });
  return db;
}

/** The shards of one pack as the mirror holds them, by file name. */
export interface PackShards {
  /** The shard's parsed JSON, or undefined when the mirror does not have it (read it from the pack). */
  read(file: string): Promise<unknown>;
  /** Drops the mirror's copy of a shard found damaged, so the next fill copies it again. */
  forget(file: string): Promise<void>;
}

export type ManifestFiles = Manifest['files'];

const SHARD_FILE = /^catalog\/shard-\d+\.json$/;

/** The catalogue shard files a manifest lists, with their SHA-256. */
export function shardFilesOf(files: ManifestFiles): { file: string; sha: string }[] {
  return Object.entries(files)
    .filter(([file]) => SHARD_FILE.test(file))
    .map(([file, entry]) => ({ file, sha: entry.sha256 }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export class CatalogMirror {
  private readonly db: MirrorDb;
  /** The shards held, read once: a shard not held costs no database read before the pack is read. */
  private held: Promise<Set<string>> | null = null;

  constructor(
    name = CATALOG_MIRROR_DB,
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    this.db = openMirrorDb(name);
  }

  private heldShards(): Promise<Set<string>> {
    this.held ??= this.db.shards.toCollection().primaryKeys().then(
      (keys) => new Set(keys),
      (err: unknown) => {
        this.onError(`the catalogue mirror could not be opened: ${String(err)}`);
        return new Set<string>();
      },
    );
    return this.held;
  }

  async has(sha: string): Promise<boolean> {
    return (await this.heldShards()).has(sha);
  }

  /** The shard stored under `sha`, or undefined (not held, or the database failed). */
  async get(sha: string): Promise<unknown> {
    if (!(await this.has(sha))) return undefined;
    try {
      return (await this.db.shards.get(sha))?.shard;
    } catch (err) {
      this.onError(`a catalogue shard could not be read from the mirror: ${String(err)}`);
      return undefined;
    }
  }

  /** Stores a shard; throws when the database cannot (a full disk, say), so a fill stops. */
  async put(sha: string, shard: unknown): Promise<void> {
    await this.db.shards.put({ sha, shard });
    (await this.heldShards()).add(sha);
  }

  /** Deletes one shard (a damaged copy); a database that fails is reported, not thrown: the lookup reads around it. */
  async delete(sha: string): Promise<void> {
    try {
      await this.db.shards.delete(sha);
      (await this.heldShards()).delete(sha);
    } catch (err) {
      this.onError(`a damaged catalogue shard could not be deleted from the mirror: ${String(err)}`);
    }
  }

  /** Deletes every shard not in `keep` (those of packs no longer shown). */
  async keepOnly(keep: ReadonlySet<string>): Promise<number> {
    const held = await this.heldShards();
    const gone = [...held].filter((sha) => !keep.has(sha));
    if (gone.length === 0) return 0;
    await this.db.shards.bulkDelete(gone);
    for (const sha of gone) held.delete(sha);
    return gone.length;
  }

  /** The pack whose manifest lists `files`, as the catalogue lookup reads it. */
  forPack(files: ManifestFiles): PackShards {
    return {
      read: async (file) => (Object.hasOwn(files, file) ? this.get(files[file]!.sha256) : undefined),
      forget: async (file) => (Object.hasOwn(files, file) ? this.delete(files[file]!.sha256) : undefined),
    };
  }

  close(): void {
    this.db.close();
  }
}
