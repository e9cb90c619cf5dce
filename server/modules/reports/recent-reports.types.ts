import { IsOptional, MaxLength, Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../impact/impact.types';
import { LetterReport } from './letter-report.entity';

@ArgsType()
export class RecentReportsArgs {
  @Field(() => Int, { defaultValue: 25, description: '1 to 100' })
  @Min(1)
  @Max(100)
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Only reports whose reportId starts with this (exact capitals)' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@ObjectType()
export class LetterReportEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => LetterReport)
  node: LetterReport;
}

@ObjectType({ description: 'A page of letter reports' })
export class LetterReportConnection {
  @Field(() => [LetterReportEdge])
  edges: LetterReportEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
