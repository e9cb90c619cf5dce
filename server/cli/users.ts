import { sessionSecret } from '../modules/users/session-secret';
import { issueToken, listSessions, revokeSession } from '../modules/users/session.service';
import { SCRIPT_TOKEN_DAYS } from '../modules/users/session-token';
import { User } from '../modules/users/user.entity';
import { addUser, disableUser, listUsers, UserInputError } from '../modules/users/user.service';
import { runCommand, UsageError } from './run-command';

const USAGE = `usage:
  npm run users -- add --email E --role admin|staff|coordinator [--regions R1,R2] --password P
  npm run users -- token --email E [--label L]   prints a bearer token for scripts (valid ${SCRIPT_TOKEN_DAYS} days)
  npm run users -- list
  npm run users -- disable --email E
  npm run users -- sessions --email E            the account's live sessions and script tokens
  npm run users -- revoke --session ID           ends one session or token at once`;

const [verb, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i === -1 ? undefined : rest[i + 1];
};
const required = (name: string) => {
  const value = option(name);
  if (!value || value.startsWith('--')) throw new UsageError(`--${name} is required\n${USAGE}`);
  return value;
};

await runCommand(async ({ dataSource }, env) => {
  try {
    switch (verb) {
      case 'add': {
        const user = await addUser(
          dataSource,
          { email: required('email'), role: required('role'), password: required('password'), regions: option('regions')?.split(',') },
          null,
        );
        console.log(`Added ${user.email} (${user.role}${user.regions.length ? `: ${user.regions.join(', ')}` : ''}).`);
        return 0;
      }
      case 'token': {
        const email = required('email').trim().toLowerCase();
        const user = await dataSource.getRepository(User).findOneBy({ email, disabled: false });
        if (!user) throw new UsageError(`No active account for ${email}`);
        const token = await issueToken(dataSource, sessionSecret(env), { userId: user.id, kind: 'script', label: option('label') }, SCRIPT_TOKEN_DAYS * 86_400);
        const expires = new Date(Date.now() + SCRIPT_TOKEN_DAYS * 86_400_000).toISOString().slice(0, 10);
        console.error(`Bearer token for ${email} (${user.role}), valid until ${expires}. Send it as "Authorization: Bearer <token>".`);
        console.log(token);
        return 0;
      }
      case 'list': {
        for (const u of await listUsers(dataSource)) {
          console.log(`${u.email.padEnd(36)} ${u.role.padEnd(12)} ${u.regions.join(', ').padEnd(30)} ${u.disabled ? 'disabled' : 'active'}`);
        }
        return 0;
      }
      case 'disable': {
        const user = await disableUser(dataSource, required('email'), null);
        console.log(`Disabled ${user.email}: its sessions and tokens no longer work.`);
        return 0;
      }
      case 'sessions': {
        for (const s of await listSessions(dataSource, required('email'))) {
          const used = s.lastUsedAt ? `used ${s.lastUsedAt.toISOString()}` : 'never used';
          console.log(`${s.id} ${s.kind.padEnd(8)} created ${s.createdAt.toISOString()}  ${used}  ${s.label ?? ''}`.trimEnd());
        }
        return 0;
      }
      case 'revoke': {
        const session = await revokeSession(dataSource, required('session'), null);
        console.log(`Revoked ${session.kind} ${session.id}: it no longer works.`);
        return 0;
      }
      default:
        throw new UsageError(USAGE);
    }
  } catch (error) {
    if (error instanceof UserInputError) throw new UsageError(`${error.field}: ${error.message}`);
    throw error;
  }
});
