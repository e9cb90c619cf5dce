import { ArrayMaxSize } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';

@ArgsType()
export class OutcomeSummaryArgs {
  @Field(() => [Int], { nullable: true, description: 'Campaign years; all campaigns when null, none when empty' })
  @ArrayMaxSize(200)
  years?: number[] | null;
}

@ObjectType({ description: "One campaign's cases and how many of them saw good news after the campaign began" })
export class OutcomeYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  casesFeatured: number;

  @Field(() => Int)
  casesWithPositiveOutcome: number;

  @Field(() => Float, { description: 'casesWithPositiveOutcome / casesFeatured, 0 to 1 (0 when no case)' })
  share: number;

  @Field(() => Float, { nullable: true, description: 'Median months from writingStarts to the first positive outcome; null when none' })
  medianMonthsToFirstPositive: number | null;
}

@ObjectType({
  description:
    'Outcomes of the cases of the selected campaigns. A case has a positive outcome when an outcome of a positive kind ' +
    "is dated on or after its campaign's writingStarts: outcomes before the campaign are context, not results.",
})
export class OutcomeSummary {
  @Field(() => Int)
  casesFeatured: number;

  @Field(() => Int, { description: 'Cases with a positive outcome on or after writingStarts (earlier outcomes are context, not results)' })
  casesWithPositiveOutcome: number;

  @Field(() => Float, { description: 'casesWithPositiveOutcome / casesFeatured, 0 to 1 (0 when no case)' })
  share: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median over those cases of the days from writingStarts to the first positive outcome / 30.4375; null when none',
  })
  medianMonthsToFirstPositive: number | null;

  @Field(() => [OutcomeYear], { description: 'One entry per selected campaign, oldest first' })
  byYear: OutcomeYear[];
}
