import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../graphql/scalars';
import type { Case } from './case.entity';
// Relations name their entity by string (TypeORM resolves it): the entities need not import each other at run time.

/** One Write for Rights campaign: one per year. */
@ObjectType()
@Entity({ name: 'campaign' })
export class Campaign {
  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => DateScalar)
  @Column({ name: 'writing_starts', type: 'date' })
  writingStarts: string;

  @Field(() => DateScalar)
  @Column({ name: 'writing_ends', type: 'date' })
  writingEnds: string;

  @Field(() => DateScalar)
  @Column({ name: 'reporting_deadline', type: 'date' })
  reportingDeadline: string;

  @Field(() => Int, { nullable: true, description: 'Target number of actions' })
  @Column({ type: 'int', nullable: true })
  goal: number | null;

  @Field(() => String, { description: 'IANA time zone that decides the day of a report' })
  @Column({ type: 'text' })
  timezone: string;

  @OneToMany('Case', (c: Case) => c.campaign)
  cases: Relation<Case[]>;
}
