import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'One change: who, when, what' })
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId: number | null;

  @Field(() => String, { description: 'import, retract, correct, outcome, user.add, user.disable, publish...' })
  @Column({ type: 'text' })
  action: string;

  @Field(() => String)
  @Column({ type: 'text' })
  target: string;

  @Field(() => GraphQLJSONObject)
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
