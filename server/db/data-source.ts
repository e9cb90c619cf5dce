import pg from 'pg';
import { DataSource, type DataSourceOptions as TypeOrmOptions } from 'typeorm';
import type { ReadPoolSettings } from '../env';
import { Campaign } from '../modules/campaigns/campaign.entity';
import { CaseOutcome } from '../modules/campaigns/case-outcome.entity';
import { Case } from '../modules/campaigns/case.entity';
import { Group } from '../modules/groups/group.entity';
import { ImportBatch } from '../modules/imports/import-batch.entity';
import { LetterReport } from '../modules/reports/letter-report.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Session } from '../modules/users/session.entity';
import { User } from '../modules/users/user.entity';
import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema';
import { Rollups1763800000000 } from './migrations/1763800000000-rollups';
import { AuditLog1763900000000 } from './migrations/1763900000000-audit-log';
import { Snapshots1764000000000 } from './migrations/1764000000000-snapshots';
import { CaseActionIndex1764100000000 } from './migrations/1764100000000-case-action-index';
import { GroupFirstDay1765200000000 } from './migrations/1765200000000-group-first-day';
import { PublicCounters1765600000000 } from './migrations/1765600000000-public-counters';
import { Sessions1766100000000 } from './migrations/1766100000000-sessions';
import { SnapshotImages1766200000000 } from './migrations/1766200000000-snapshot-images';
import { RegionRollups1766300000000 } from './migrations/1766300000000-region-rollups';
import { GroupRollups1766400000000 } from './migrations/1766400000000-group-rollups';
import { RegionGroupRollups1766500000000 } from './migrations/1766500000000-region-group-rollups';
import { GroupYearIndex1766600000000 } from './migrations/1766600000000-group-year-index';
import { SerialSummaryScans1766700000000 } from './migrations/1766700000000-serial-summary-scans';
import { boundedPg } from './bounded-pool';

// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' so no time zone can shift it.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export const entities = [Campaign, Case, CaseOutcome, Group, LetterReport, ImportBatch, User, Session, AuditEntry];
export const migrations = [
  InitialSchema1763700000000, Rollups1763800000000, AuditLog1763900000000, Snapshots1764000000000, CaseActionIndex1764100000000,
  GroupFirstDay1765200000000, PublicCounters1765600000000, Sessions1766100000000, SnapshotImages1766200000000,
  RegionRollups1766300000000, GroupRollups1766400000000, RegionGroupRollups1766500000000, GroupYearIndex1766600000000,
  SerialSummaryScans1766700000000,
];

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /**
   * Milliseconds before the server cancels a statement, so a mistake is an error, not a hang.
   * Imports raise it for their own transaction (a gigabyte file takes minutes).
   */
  statementTimeout?: number;
  /**
   * Milliseconds before the client gives up on a query. Only for the embedded database, where a query
   * waiting behind another connection's transaction never reaches the server's own timeout.
   */
  queryTimeout?: number;
  /** Requests already waiting for a connection beyond which the next is refused at once (server/db/bounded-pool.ts). */
  queueLimit?: number;
  /** Milliseconds a request waits for a connection (or for a new one to open) before it is refused. */
  connectionWaitMs?: number;
  /** Names the pool's connections in pg_stat_activity. */
  applicationName?: string;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const { url, poolSize = 10, statementTimeout = 30_000, queryTimeout, queueLimit = Infinity, connectionWaitMs = 10_000, applicationName = 'w4r-impact' } = options;
  return new DataSource({
    type: 'postgres',
    driver: boundedPg(queueLimit),
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: connectionWaitMs,
      query_timeout: queryTimeout,
      statement_timeout: statementTimeout,
      application_name: applicationName,
    },
  });
}

/**
 * A second pool on `primary`'s database, with its own size and bounded waiting: the server's reads,
 * so that writes (on the primary's pool) never queue behind them.
 */
export function createReadPool(primary: DataSource, settings: ReadPoolSettings): DataSource {
  const { url, extra } = primary.options as Extract<TypeOrmOptions, { type: 'postgres' }>;
  return createDataSource({
    url: url!,
    poolSize: settings.size,
    queueLimit: settings.queueLimit,
    connectionWaitMs: settings.waitMs,
    statementTimeout: extra.statement_timeout,
    queryTimeout: extra.query_timeout,
    applicationName: 'w4r-impact reads',
  });
}
