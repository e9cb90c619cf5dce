// PostGraphile v5 with @graphile/pg-aggregates over the benchmark database: the baseline.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PgAggregatesPreset } from '@graphile/pg-aggregates';

const port = Number(process.env.PORT ?? 5678);
const preset = {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  grafserv: { port, graphqlPath: '/graphql' },
  grafast: { explain: false },
  // like a user who wants every column filterable and groupable (the V4 default)
  disablePlugins: ['PgIndexBehaviorsPlugin'],
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once('listening', () => console.log(`baseline ready on ${port}`));
serv.addTo(server).catch((e) => { console.error(e); process.exit(1); });
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
