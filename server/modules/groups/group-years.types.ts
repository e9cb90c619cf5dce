import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A group's active reports in one campaign year (within a coordinator's regions)" })
export class GroupYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  actions: number;

  @Field(() => Int)
  reports: number;

  @Field(() => Date, { description: 'When its first report of the year arrived' })
  firstReportedAt: Date;

  @Field(() => Date, { description: 'When its last report of the year arrived' })
  lastReportedAt: Date;
}
