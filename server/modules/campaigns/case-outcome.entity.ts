import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../graphql/scalars';
import { isPositiveOutcome, OutcomeKind } from './campaign.enums';
import type { Case } from './case.entity';

/** A dated development in a case: a release, an acquittal, a setback... */
@ObjectType()
@Entity({ name: 'case_outcome' })
export class CaseOutcome {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @ManyToOne('Case', (c: Case) => c.outcomes)
  @JoinColumn({ name: 'case_id' })
  case: Relation<Case>;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  date: string;

  @Field(() => OutcomeKind)
  @Column({ type: 'text' })
  kind: OutcomeKind;

  @Field(() => String)
  @Column({ type: 'text', default: '' })
  note: string;

  @Field(() => Boolean, { description: 'Whether this is good news for the person' })
  get positive(): boolean {
    return isPositiveOutcome(this.kind);
  }
}
