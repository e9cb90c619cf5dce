import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GroupType } from './group.enums';

/** Who writes and reports: a local group, a school, an individual... Created or updated by `ref`. */
@ObjectType()
@Entity({ name: 'writing_group' })
export class Group {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => String, { description: 'Stable external id' })
  @Column({ type: 'text', unique: true })
  ref: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => GroupType)
  @Column({ type: 'text' })
  type: GroupType;

  // A coordinator sees the place within their regions instead (GroupService.placesInScope).
  @Field(() => String, { nullable: true, description: "Where it last reported (for a coordinator: its last report in their regions)" })
  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'Of the same report as country' })
  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'Of the same report as country' })
  @Column({ type: 'text', nullable: true })
  subdivision: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
