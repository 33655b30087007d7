// For tests that catch a transaction between two of its statements: a Kysely plugin that
// holds back the result of the first read of a table until the test releases it — the
// reader has read, and does nothing more (nor commits) until then.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export interface HeldRead {
  /** Give the store `db.withPlugin(plugin)`. */
  plugin: KyselyPlugin;
  /** Resolves once the read has run, its result held. */
  reached: Promise<void>;
  /** Hands the result on; the reader goes on. */
  release(): void;
}

/** Holds the first SELECT from `table` that runs through the plugin. */
export function holdFirstRead(table: string): HeldRead {
  const reads = new WeakSet<object>();
  let armed = true;
  let reached!: () => void;
  let release!: () => void;
  const reachedP = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes(`"${table}"`)) reads.add(queryId);
      return node;
    },
    async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (armed && reads.has(queryId)) {
        armed = false;
        reached();
        await released;
      }
      return result;
    },
  };
  return { plugin, reached: reachedP, release };
}
