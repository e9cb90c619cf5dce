import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CaseTheme } from './campaign.enums';
import type { Campaign } from './campaign.entity';
import type { CaseOutcome } from './case-outcome.entity';

/** A person or community featured in one year's campaign. */
@ObjectType()
@Entity({ name: 'case' })
export class Case {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @ManyToOne('Campaign', (c: Campaign) => c.cases)
  @JoinColumn({ name: 'year' })
  campaign: Relation<Campaign>;

  @Field(() => String, { description: 'Unique within the year' })
  @Column({ type: 'text' })
  slug: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 of the country where the case is' })
  @Column({ type: 'char', length: 2 })
  country: string;

  @Field(() => CaseTheme)
  @Column({ type: 'text' })
  theme: CaseTheme;

  @Field(() => String)
  @Column({ type: 'text', default: '' })
  summary: string;

  @Field(() => String, { nullable: true, description: 'The official the letters are addressed to' })
  @Column({ type: 'text', nullable: true })
  target: string | null;

  @OneToMany('CaseOutcome', (o: CaseOutcome) => o.case)
  outcomes: Relation<CaseOutcome[]>;
}
