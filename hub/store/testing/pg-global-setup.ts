// One throwaway PostgreSQL cluster for a whole unit-test run: the store tests each get a
// database of their own in it (each-database.ts) instead of starting a cluster per
// describe block — 26 of them, about 2.5 s each here. Nothing is started where
// PostgreSQL is not installed: the tests that need it then say how to install it.
import type { TestProject } from 'vitest/node';
import { pgUnavailable, startPgCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the run's cluster with the database name left off (ends in '/'); null when there is none. */
    hubPgServer: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (pgUnavailable()) {
    project.provide('hubPgServer', null);
    return async () => {};
  }
  const cluster = await startPgCluster();
  project.provide('hubPgServer', cluster.urlFor(''));
  return () => cluster.stop();
}
