import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { OutcomeKind } from './campaign.enums';

@InputType()
export class OutcomeInput {
  @Field(() => DateScalar)
  date: string;

  @Field(() => OutcomeKind)
  kind: OutcomeKind;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(2000)
  note: string;
}
