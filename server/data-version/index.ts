/**
 * The data version: one number every write bumps in its transaction, which keys the caches of
 * answers and drives live updates. Features call bumpDataVersion (or bumpDataVersionAfter, which sends a write's last statements with it); the app runs one
 * DataVersionWatcher, which requests read through freshness.
 *
 * - bump.ts: the statement that bumps the version and notifies other processes on commit.
 * - own-commits.ts: this process's own commits, known the moment COMMIT returns.
 * - areas.ts: what a write changed and what an answer read (years, regions, countries).
 * - version-state.ts, versions.ts: the versions known, per part; the newest and the shared view.
 * - watcher.ts: the versions in memory, followed by LISTEN (or by polling).
 * - freshness.ts: the version and times a request answers with.
 */
/*
 * Why a request may trust the version held in memory, and for how long.
 *
 * Answers are cached under the view a request starts with (QueryCache, AnswerCache), so the one
 * thing that must never happen is a request being keyed by a view that claims a write it has not
 * heard of, or that is older than the staleness allowed: the writer's own write at once, other
 * writes within about a second (the shared view, versions.ts).
 *
 * - Writes of this process: bumpDataVersion leaves the new version on the transaction's query
 *   runner, and a TypeORM subscriber advances the watchers of this data source right after COMMIT
 *   returns, before the writer's caller (the mutation, the upload) answers. Anything that starts
 *   after the write answered can see the new version: its writer does at once.
 * - Writes of other processes (another instance, `npm run import`) arrive by NOTIFY, usually a few
 *   milliseconds after their commit. In that window this process still answers from the previous
 *   version: the staleness the "Scale" issue accepts (visible in ≤ 1 s). Versions are applied in
 *   order, so a late or repeated notification never moves the version back (versions.ts).
 * - The memory is trusted only while it is known to follow the database: while the LISTEN
 *   connection is up and proved to receive notifications (a probe sent through the ordinary pool
 *   after LISTEN, so the channel is checked end to end), or, when polling, for 1 s after a poll
 *   started. Otherwise (starting, reconnecting, a poll stuck behind an embedded transaction) each
 *   request reads data_version itself, as every request used to: slower, never stale.
 * - On (re)connect LISTEN comes before reading the version, so no commit falls between the two.
 * - A heartbeat reads the version every 5 s on the LISTEN connection; no answer in 3 s and the
 *   connection is treated as dead (a silent network failure sends no error). So a silently dead
 *   listener can leave this process up to ~8 s behind other instances in the worst case; a closed
 *   connection (server restart, killed backend) is noticed at once.
 * - The embedded PGlite, served through pglite-socket, runs every connection in one session: a
 *   NOTIFY is delivered back to the connection that sent it, never to the listener (tried with
 *   pglite 0.5.14 / pglite-socket 0.2.17). There, and wherever the probe fails (e.g. a pooler in
 *   transaction mode), the watcher polls every 500 ms instead. Once a probe has arrived, a later one
 *   that times out (a loaded database) ends the connection to be tried again, not polling for good.
 *   The embedded database has a single writer process anyway (its lock), so its own commits
 *   already advance the version at once.
 */
export { ANY_REPORT, filterArea, yearOf, type Area, type Part, type Reads } from './areas';
export { BUMP_DATA_VERSION_SQL, bumpDataVersion, bumpDataVersionAfter, partsOf } from './bump';
export { freshnessAt, freshnessPlugin, type DataVersionSource, type Freshness } from './freshness';
export type { DataVersion } from './notification';
export type { VersionView } from './version-state';
export { DataVersionWatcher } from './watcher';
