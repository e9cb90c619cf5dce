import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { GroupType } from '../groups/group.enums';
import type { RawReport, ReportColumn } from './report-fields';
import { ActionType } from './report.enums';

@InputType({ description: 'A letter report as a group fills it in: the CSV row as an input; the case by slug within the year' })
export class ReportInput {
  @Field(() => String, { description: 'Your unique id for this report: sending it again changes nothing' })
  reportId: string;

  @Field(() => Int)
  year: number;

  @Field(() => String)
  caseSlug: string;

  @Field(() => ActionType)
  actionType: ActionType;

  @Field(() => Int, { description: '1 to 1,000,000' })
  count: number;

  @Field(() => Date, { description: 'When the report was made (ISO 8601 with an offset)' })
  reportedAt: Date;

  @Field(() => DateScalar, { nullable: true })
  writtenOn?: string | null;

  @Field(() => String, { description: "Writers' country, ISO 3166-1 alpha-2" })
  country: string;

  @Field(() => String)
  region: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2' })
  subdivision?: string | null;

  @Field(() => String, { nullable: true })
  groupRef?: string | null;

  @Field(() => String, { nullable: true })
  groupName?: string | null;

  @Field(() => GroupType, { nullable: true })
  groupType?: GroupType | null;
}

/** The input's field for each CSV column, so errors name what the person sent. */
export const INPUT_FIELD: Record<ReportColumn, keyof ReportInput> = {
  report_id: 'reportId',
  year: 'year',
  case: 'caseSlug',
  group_ref: 'groupRef',
  group_name: 'groupName',
  group_type: 'groupType',
  action_type: 'actionType',
  count: 'count',
  written_on: 'writtenOn',
  reported_at: 'reportedAt',
  country: 'country',
  region: 'region',
  subdivision: 'subdivision',
};

/** The input as the text of a CSV row, so that forms and files go through the same checks. */
export function inputToRaw(input: ReportInput): RawReport {
  return {
    report_id: input.reportId,
    year: String(input.year),
    case: input.caseSlug,
    group_ref: input.groupRef,
    group_name: input.groupName,
    group_type: input.groupType,
    action_type: input.actionType,
    count: String(input.count),
    written_on: input.writtenOn,
    reported_at: input.reportedAt.toISOString(),
    country: input.country,
    region: input.region,
    subdivision: input.subdivision,
  };
}
