import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every signed-in session and script token has a row here; its id is the token's `jti`. A token
 * whose row is gone no longer works: signing out, "sign out everywhere" and an admin's revocation
 * delete rows (server/modules/users/session.service.ts). Tokens signed before this table existed
 * carry no `jti` and stop working: people sign in again and scripts get new tokens.
 */
export class Sessions1766100000000 implements MigrationInterface {
  name = 'Sessions1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY,
        user_id int NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('session', 'script')),
        label text CHECK (length(label) <= 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz
      )`);
    await db.query(`CREATE INDEX auth_session_user ON auth_session (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE auth_session`);
  }
}
