import type { DataSource } from 'typeorm';

/**
 * Sends dashboard reads to a streaming replica (DATABASE_READ_URL) when it has caught up with the
 * data version a request is answered at, else to the primary. A replica lags a little behind the
 * primary; an answer read there and cached under a newer version would be stale until the next
 * write, so a replica behind the request's version is never used. The replica's version is checked
 * at most once per version (answers at one version are cached anyway), so the check costs one small
 * query per write, not per request.
 */
export class ReadRouter {
  private replicaVersion = 0;
  private checking: Promise<number> | undefined;

  constructor(
    readonly primary: DataSource,
    private readonly replica: DataSource | null,
  ) {}

  /** Where to read figures at `version`. */
  async forVersion(version: number): Promise<DataSource> {
    if (!this.replica) return this.primary;
    if (this.replicaVersion >= version) return this.replica;
    try {
      this.checking ??= this.replica
        .query(`SELECT version FROM data_version`)
        .then((rows: { version: string }[]) => Number(rows[0]?.version ?? 0))
        .finally(() => (this.checking = undefined));
      this.replicaVersion = Math.max(this.replicaVersion, await this.checking);
    } catch {
      return this.primary; // a replica that is down is skipped, not fatal
    }
    return this.replicaVersion >= version ? this.replica : this.primary;
  }

  /** Runs a read at `version`; a replica that fails is left for the primary until it answers again. */
  async query(version: number, sql: string, params: unknown[]): Promise<any[]> {
    const db = await this.forVersion(version);
    try {
      return await db.query(sql, params);
    } catch (error) {
      if (db === this.primary) throw error;
      this.replicaVersion = 0;
      return this.primary.query(sql, params);
    }
  }
}
