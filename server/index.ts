import 'reflect-metadata';
import { createApp } from './app';
import { openDatabase } from './db/open-database';
import { readEnv } from './env';
import { configureLogger, logger } from './logger';
import { loadDemoDataIfEmpty } from '../seeds/demo';
import { startDemoTrickle, type Trickle } from '../seeds/demo-trickle';
import { clockOn, realClock } from './common/clock';
import { sessionSecret } from './modules/users/session-secret';

const env = readEnv();
configureLogger(env);
const started = Date.now();
const secret = sessionSecret(env); // before anything else: production without SESSION_SECRET stops here
const database = await openDatabase(env);
// only the embedded demo may run on another day; a real database always has the real clock
const clock = database.embedded && env.demoToday ? clockOn(env.demoToday) : realClock;
if (database.embedded) {
  const loaded = await loadDemoDataIfEmpty(database.dataSource, clock(), env.nodeEnv === 'production');
  if (loaded) logger.info(loaded, 'first start on the embedded database: demo data loaded');
}
const app = await createApp(database.dataSource, {
  sessionSecret: secret,
  production: env.nodeEnv === 'production',
  embedded: database.embedded,
  readDataSource: database.readDataSource,
  counterRefreshMs: env.counterRefreshSeconds * 1000,
  importMaxBytes: env.importMaxBytes,
  readPool: env.readPool,
  readConcurrency: env.readConcurrency,
  readQueueLimit: env.readQueueLimit,
  clock,
});
// reports keep arriving in the embedded demo (env.demoTrickle is never on with DATABASE_URL)
const trickle: Trickle | null = database.embedded && env.demoTrickle ? startDemoTrickle(database.dataSource, { now: clock }) : null;
app.httpServer.listen(env.port, () => {
  logger.info(
    {
      port: env.port,
      database: database.embedded ? `embedded (${env.dataDir}/)` : 'DATABASE_URL',
      demoTrickle: trickle !== null,
      ms: Date.now() - started,
    },
    `Write for Rights Impact is ready at http://localhost:${env.port}`,
  );
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await trickle?.stop();
    await app.stop();
    await database.close();
    process.exit(0);
  });
}
