import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateScalar } from '../../graphql/scalars';
import { Case } from '../campaigns/case.entity';
import { Group } from '../groups/group.entity';
import { GroupType } from '../groups/group.enums';
import { ActionType, ReportSource, ReportStatus } from './report.enums';

/**
 * One report of N actions for one case. Never deleted: a mistake is retracted (kept, marked, with a
 * reason) or superseded by a corrected report. Only ACTIVE reports count.
 */
@ObjectType()
@Entity({ name: 'letter_report' })
export class LetterReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => String, { description: 'External id, unique: the idempotency key' })
  @Column({ name: 'report_id', type: 'text', unique: true })
  reportId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id' })
  case: Relation<Case>;

  @Column({ name: 'group_id', type: 'int', nullable: true })
  groupId: number | null;

  @ManyToOne(() => Group)
  @JoinColumn({ name: 'group_id' })
  group: Relation<Group> | null;

  @Field(() => GroupType, { description: "The group's type when it reported; INDIVIDUAL without a group" })
  @Column({ name: 'group_type', type: 'text' })
  groupType: GroupType;

  @Field(() => ActionType)
  @Column({ name: 'action_type', type: 'text' })
  actionType: ActionType;

  @Field(() => Int)
  @Column({ type: 'int' })
  count: number;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'written_on', type: 'date', nullable: true })
  writtenOn: string | null;

  @Field(() => Date)
  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  @Field(() => DateScalar, { description: "reportedAt as a date in the campaign's time zone" })
  @Column({ type: 'date' })
  day: string;

  @Field(() => String, { description: "Writers' country, ISO 3166-1 alpha-2" })
  @Column({ type: 'char', length: 2 })
  country: string;

  @Field(() => String)
  @Column({ type: 'text' })
  region: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2' })
  @Column({ type: 'text', nullable: true })
  subdivision: string | null;

  @Field(() => ReportSource)
  @Column({ type: 'text' })
  source: ReportSource;

  @Column({ name: 'batch_id', type: 'int', nullable: true })
  batchId: number | null;

  @Field(() => ReportStatus)
  @Column({ type: 'text', default: 'ACTIVE' })
  status: ReportStatus;

  @Field(() => String, { nullable: true, description: 'Why it was retracted or corrected' })
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ name: 'status_changed_by', type: 'int', nullable: true })
  statusChangedBy: number | null;

  @Column({ name: 'superseded_by_id', type: 'int', nullable: true })
  supersededById: number | null;

  @ManyToOne(() => LetterReport)
  @JoinColumn({ name: 'superseded_by_id' })
  supersededBy: Relation<LetterReport> | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;
}
