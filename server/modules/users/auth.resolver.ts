import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { unauthenticated } from '../../graphql/auth-checker';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors-user';
import { AuditEntry } from '../audit/audit-entry.entity';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { recordSuccessfulLogin, takeLoginAttempt } from './login-limiter';
import { verifyPassword } from './password';
import { Session } from './session.entity';
import { endSession, endSessionsOf, issueToken, listSessions, revokeSession } from './session.service';
import { SESSION_HOURS } from './session-token';
import { User } from './user.entity';
import { addUser, disableUser, listUsers, UserInputError } from './user.service';

@ObjectType({ description: 'A demo account, shown on the sign-in page of the embedded demo only' })
class DemoAccount {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;

  @Field(() => String)
  role: string;

  @Field(() => [String])
  regions: string[];
}

// Verifying against a real hash even for an unknown email keeps both answers equally slow.
const UNKNOWN_USER_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null' })
  async me(@Ctx() { dataSource, user }: Context): Promise<User | null> {
    return user ? dataSource.getRepository(User).findOneBy({ id: user.id }) : null;
  }

  @Query(() => [DemoAccount], { description: 'Demo accounts: only on the embedded demo database, else empty' })
  demoAccounts(@Ctx() { embedded }: Context): DemoAccount[] {
    return embedded ? DEMO_ACCOUNTS : [];
  }

  @Mutation(() => User, { description: 'Signs in: sets an httpOnly session cookie' })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    const normalized = email.trim().toLowerCase().slice(0, 200);
    const address = ctx.clientAddress;
    const wait = await takeLoginAttempt(normalized, address);
    if (wait > 0) {
      throw new GraphQLError(`Too many sign-in attempts; try again in ${Math.ceil(wait / 60)} minutes`, {
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: wait },
      });
    }
    const user = await ctx.dataSource.getRepository(User).findOneBy({ email: normalized });
    const valid = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !valid || user.disabled) {
      throw new GraphQLError('Wrong email or password', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    await recordSuccessfulLogin(normalized, address);
    ctx.session.start(await issueToken(ctx.dataSource, ctx.session.secret, { userId: user.id, kind: 'session' }, SESSION_HOURS * 3600));
    return user;
  }

  @Mutation(() => Boolean, { description: 'Signs out: ends this session (or script token) on the server and clears the session cookie' })
  async logout(@Ctx() { dataSource, session }: Context): Promise<boolean> {
    if (session.id) await endSession(dataSource, session.id);
    session.end();
    return true;
  }

  @Authorized()
  @Mutation(() => Int, { description: "Ends every session and script token of the signed-in user, this one too; the number ended" })
  async signOutEverywhere(@Ctx() { dataSource, session, user }: Context): Promise<number> {
    const ended = await endSessionsOf(dataSource, user!.id, user!.id);
    session.end();
    return ended;
  }

  @Authorized('admin')
  @Query(() => [Session], { description: "A user's live sessions and script tokens, the newest first" })
  sessions(@Arg('email', () => String) email: string, @Ctx() { dataSource }: Context): Promise<Session[]> {
    return asInputError(() => listSessions(dataSource, email));
  }

  @Authorized('admin')
  @Mutation(() => Session, { description: 'Ends one session or script token of any user: it stops working at once' })
  revokeSession(@Arg('id', () => ID) id: string, @Ctx() { dataSource, user }: Context): Promise<Session> {
    return asInputError(() => revokeSession(dataSource, id, user!.id));
  }

  @Authorized('admin')
  @Query(() => [User])
  users(@Ctx() { dataSource }: Context): Promise<User[]> {
    return listUsers(dataSource);
  }

  @Authorized('admin')
  @Mutation(() => User)
  async addUser(
    @Arg('email', () => String) email: string,
    @Arg('role', () => String) role: string,
    @Arg('password', () => String) password: string,
    @Arg('regions', () => [String], { nullable: true }) regions: string[] | null,
    @Ctx() { dataSource, user }: Context,
  ): Promise<User> {
    return asInputError(() => addUser(dataSource, { email, role, password, regions: regions ?? [] }, user!.id));
  }

  @Authorized('admin')
  @Mutation(() => User, { description: 'Disables an account: its sessions and tokens stop working at once' })
  disableUser(@Arg('email', () => String) email: string, @Ctx() { dataSource, user }: Context): Promise<User> {
    if (!user) throw unauthenticated();
    return asInputError(() => disableUser(dataSource, email, user.id));
  }

  @Authorized('admin')
  @Query(() => [AuditEntry], { description: 'The latest changes first' })
  auditLog(@Arg('first', () => Int, { defaultValue: 100 }) first: number, @Ctx() { dataSource }: Context): Promise<AuditEntry[]> {
    return dataSource.getRepository(AuditEntry).find({ order: { id: 'DESC' }, take: Math.min(Math.max(first, 1), 500) });
  }
}

async function asInputError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserInputError) throw badInput(error.message, { [error.field]: error.message });
    throw error;
  }
}
