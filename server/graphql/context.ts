import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { clearSessionCookie, setSessionCookie, type AuthUser } from '../http/authenticate';
import type { Clock } from '../common/clock';
import type { ReadRouter } from '../db/read-replica';
import type { AnswerSlot } from '../http/answer-cache';
import { ImpactService } from '../modules/impact/impact.service';
import { freshnessAt, type Area, type DataVersionSource, type Freshness, type Reads, type VersionView } from '../data-version';
import { createLoaders, type Loaders } from './loaders';
import type { QueryCache } from './query-cache';

// A `type`, not an `interface`: Apollo's generic constraint needs an index-compatible type.
export type Context = {
  /** The read pool; a mutation's own (server/graphql/write-connections.ts): the write pool. */
  dataSource: DataSource;
  loaders: Loaders;
  /** The data source and loaders of a mutation: on the write pool, so a write never waits behind reads. */
  writeConnections(): Pick<Context, 'dataSource' | 'loaders'>;
  /** The signed-in user, or null. */
  user: AuthUser | null;
  /** The regions a coordinator is limited to; null for everyone else (who see all). */
  scope: string[] | null;
  /** The data version this request keys its answers by, taken once (from memory: see server/data-version/). */
  view: () => Promise<VersionView>;
  /** The data version and times of this request's answer. */
  freshness: () => Promise<Freshness>;
  /** What the answer can depend on (server/graphql/answer-reads.ts); everything until told. */
  reads(): Reads;
  reading(reads: Reads): void;
  /** A read found only while answering (the last report's day of a finished campaign's progress). */
  readAlso(area: Area): void;
  /** This app's topic id for live updates (several apps may share one process in tests). */
  liveChannel: string;
  /** Aggregations within the user's scope, answered from the shared cache at this data version. */
  impact: ImpactService;
  session: {
    secret: Uint8Array;
    /** The session or script token this request came with (its row in auth_session), or null. */
    id: string | null;
    start(token: string): void;
    end(): void;
  };
  /** Running on the embedded database with demo data. */
  embedded: boolean;
  /** What time it is: the real clock, or the demo's day (DEMO_TODAY). */
  now: Clock;
  /** The client's address, for rate limits. */
  clientAddress: string;
  /** Where the HTTP answer cache will keep this answer (server/http/answer-cache.ts), when it may. */
  answerSlot?: AnswerSlot;
  /** "Today" in each time zone the answer used (campaign progress): a stored answer is served only while these hold. */
  todayIn: Map<string, string>;
};

export interface ContextOptions {
  /** The read pool. */
  dataSource: DataSource;
  /** The write pool (mutations). */
  writeDataSource: DataSource;
  /** Where dashboard reads go: the primary, or a replica that has caught up. */
  reads: ReadRouter;
  cache: QueryCache;
  versions: DataVersionSource;
  liveChannel: string;
  user: AuthUser | null;
  sessionId?: string | null;
  res?: Response;
  secret: Uint8Array;
  secureCookies: boolean;
  embedded: boolean;
  now: Clock;
  clientAddress?: string;
}

export function createContext(options: ContextOptions): Context {
  const { dataSource, writeDataSource, reads, cache, versions, liveChannel, user, sessionId = null, res, secret, secureCookies, embedded, now, clientAddress = '' } = options;
  let view: Promise<VersionView> | undefined;
  let freshness: Promise<Freshness> | undefined;
  let answerReads: Reads = 'all';
  const scope = user?.role === 'coordinator' ? user.regions : null;
  // cached reads are keyed by the last version that changed what this answer reads
  const version = async () => (await context.view()).changedAt(answerReads);
  const context: Context = {
    dataSource,
    user,
    scope,
    embedded,
    now,
    clientAddress,
    liveChannel,
    todayIn: new Map(),
    view: () => (view ??= versions.view(user?.id ?? null)),
    freshness: () => (freshness ??= context.view().then(freshnessAt)),
    reads: () => answerReads,
    reading: (r) => (answerReads = r),
    readAlso: (area) => {
      if (answerReads !== 'all') answerReads = [...answerReads, area];
    },
    impact: new ImpactService(
      {
        // keyed by what the statement reads, not the whole answer: a write elsewhere in the answer
        // (its campaign progress, another alias) leaves this statement's result cached
        query: async (sql, params, area) => {
          const at = (await context.view()).changedAt([area]);
          return cache.query(at, sql, params, () => reads.query(at, sql, params));
        },
      },
      scope,
    ),
    loaders: undefined as unknown as Loaders,
    writeConnections: () => ({ dataSource: writeDataSource, loaders: loadersOn(writeDataSource) }),
    session: {
      secret,
      id: sessionId,
      start: (token) => res && setSessionCookie(res, token, secureCookies),
      end: () => res && clearSessionCookie(res, secureCookies),
    },
  };
  const loadersOn = (db: DataSource) => createLoaders(db, context.impact, async (key, read) => cache.memo(await version(), key, read), scope);
  context.loaders = loadersOn(dataSource);
  return context;
}
