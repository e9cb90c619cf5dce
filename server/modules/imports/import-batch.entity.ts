import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Why a row of a file was refused' })
export class ImportError {
  @Field(() => Int)
  line: number;

  @Field(() => String)
  column: string;

  @Field(() => String)
  reason: string;
}
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One import of a file of reports: who, when, and what came of each row. */
@ObjectType()
@Entity({ name: 'import_batch' })
export class ImportBatch {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => String)
  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Field(() => String, { description: 'RUNNING, COMMITTED or REJECTED' })
  @Column({ type: 'text', default: 'RUNNING' })
  status: string;

  @Field(() => Int)
  @Column({ name: 'rows_read', type: 'int', default: 0 })
  rowsRead: number;

  @Field(() => Int)
  @Column({ name: 'rows_imported', type: 'int', default: 0 })
  rowsImported: number;

  @Field(() => Int)
  @Column({ name: 'rows_duplicate', type: 'int', default: 0 })
  rowsDuplicate: number;

  @Field(() => Int)
  @Column({ name: 'rows_rejected', type: 'int', default: 0 })
  rowsRejected: number;

  @Field(() => [ImportError], { description: 'The first 50 problems of a rejected file' })
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  errors: ImportError[];
}
