import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL primary and a streaming replica of it, made from scratch in a temporary folder on
 * loopback ports (initdb, pg_basebackup -R): the machine's own cluster is not touched. PostgreSQL
 * refuses to run as root, so the servers run as the `postgres` user.
 */
export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  stop(): void;
}

const bin = (name: string) => {
  const version = readdirSync('/usr/lib/postgresql').sort().at(-1);
  return `/usr/lib/postgresql/${version}/bin/${name}`;
};

function asPostgres(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe' });
}

export function startReplicaPair(primaryPort: number, replicaPort: number): ReplicaPair {
  const base = mkdtempSync(path.join(tmpdir(), 'w4r-replica-'));
  chmodSync(base, 0o777);
  const primary = path.join(base, 'primary');
  const replica = path.join(base, 'replica');
  asPostgres(bin('initdb'), ['-D', primary, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  appendFileSync(primary + '/postgresql.conf', `\nport = ${primaryPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${base}'\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\n`);
  asPostgres(bin('pg_ctl'), ['-D', primary, '-l', path.join(base, 'primary.log'), '-w', 'start']);
  asPostgres(bin('pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-R', '-X', 'stream']);
  appendFileSync(replica + '/postgresql.conf', `\nport = ${replicaPort}\n`);
  asPostgres(bin('pg_ctl'), ['-D', replica, '-l', path.join(base, 'replica.log'), '-w', 'start']);
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    stop() {
      for (const dir of [replica, primary]) {
        try {
          asPostgres(bin('pg_ctl'), ['-D', dir, '-m', 'immediate', 'stop']);
        } catch {
          // already stopped
        }
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
