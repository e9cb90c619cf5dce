import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in session (the dashboard's cookie) or a script token; its id is the token's `jti`. */
@ObjectType({ description: 'A signed-in session or a script token, as admins see it' })
@Entity({ name: 'auth_session' })
export class Session {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Field(() => String, { description: 'session (signed in on the dashboard) or script (a bearer token)' })
  @Column({ type: 'text' })
  kind: 'session' | 'script';

  @Field(() => String, { nullable: true, description: "The script token's label, given when it was made" })
  @Column({ type: 'text', nullable: true })
  label: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last used, to within 5 minutes; null: never' })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
