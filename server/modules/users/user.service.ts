import type { DataSource } from 'typeorm';
import { audit } from '../audit/audit';
import { bumpDataVersion } from '../../data-version';
import { hashPassword, passwordProblem } from './password';
import { ROLES, type Role } from './session-token';
import { User } from './user.entity';

export class UserInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface NewUser {
  email: string;
  role: string;
  regions?: string[];
  password: string;
}

/** Adds a user; a coordinator needs at least one region, others have none. Audited. */
export async function addUser(db: DataSource, input: NewUser, actorId: number | null): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200) throw new UserInputError('email', `"${input.email}" is not an email address`);
  if (!ROLES.includes(input.role as Role)) throw new UserInputError('role', `role must be one of ${ROLES.join(', ')}`);
  const regions = [...new Set((input.regions ?? []).map((r) => r.trim()).filter(Boolean))];
  if (input.role === 'coordinator' && regions.length === 0) throw new UserInputError('regions', 'a coordinator needs at least one region');
  if (input.role !== 'coordinator' && regions.length > 0) throw new UserInputError('regions', 'only coordinators have regions');
  const problem = passwordProblem(input.password);
  if (problem) throw new UserInputError('password', `the password ${problem}`);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (m) => {
    const [row] = await m.query(
      `INSERT INTO app_user (email, role, regions, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, input.role, regions, passwordHash],
    );
    if (!row) throw new UserInputError('email', `${email} already has an account`);
    await audit(m, actorId, 'user.add', email, { role: input.role, regions });
    await bumpDataVersion(m); // cached answers (the users list) must not outlive the change
    return row.id as number;
  });
  return db.getRepository(User).findOneByOrFail({ id });
}

/** Disables a user: their sessions and tokens stop working at once. Audited. */
export async function disableUser(db: DataSource, email: string, actorId: number | null): Promise<User> {
  const normalized = email.trim().toLowerCase();
  await db.transaction(async (m) => {
    // TypeORM answers an UPDATE with [rows, count]
    const [, count] = await m.query(`UPDATE app_user SET disabled = true WHERE email = $1`, [normalized]);
    if (count === 0) throw new UserInputError('email', `no account for ${normalized}`);
    await audit(m, actorId, 'user.disable', normalized);
    await bumpDataVersion(m);
  });
  return db.getRepository(User).findOneByOrFail({ email: normalized });
}

export function listUsers(db: DataSource): Promise<User[]> {
  return db.getRepository(User).find({ order: { email: 'ASC' } });
}
