import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { defineEnum } from '../../common/define-enum';
import { PUBLIC_LANGUAGES } from '../../common/public-language';

export const COUNTER_FIGURES = ['ACTIONS', 'COUNTRIES', 'CASES'] as const;
export type CounterFigure = (typeof COUNTER_FIGURES)[number];
export const CounterFigure = defineEnum('CounterFigure', COUNTER_FIGURES, 'A figure a public counter can show');

/** A counter speaks any of the public pages' languages. */
export const COUNTER_LANGUAGES = PUBLIC_LANGUAGES;
export type CounterLanguage = (typeof COUNTER_LANGUAGES)[number];

@ObjectType({ description: 'A public live counter for section websites: no sign-in for its readers' })
export class PublicCounter {
  @Field(() => String, { description: 'Its address: /c/<slug> (widget), .json, .svg' })
  slug: string;

  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true, description: 'The region counted, or null for the whole campaign' })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'The country (ISO 3166-1 alpha-2) counted, or null' })
  country: string | null;

  @Field(() => [CounterFigure])
  shows: CounterFigure[];

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'en, es, fr or ar' })
  language: CounterLanguage;

  @Field(() => Int, { description: 'Figures of fewer actions are never shown' })
  suppressBelow: number;

  @Field(() => Boolean, { description: 'A paused counter shows no figures until resumed' })
  paused: boolean;

  @Field(() => Date)
  createdAt: Date;
}

@InputType()
export class CounterInput {
  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => [CounterFigure])
  shows: CounterFigure[];

  @Field(() => String)
  title: string;

  @Field(() => String, { defaultValue: 'en' })
  language: string;

  @Field(() => Int, { nullable: true, description: 'Default 100; from 10 to 1,000' })
  suppressBelow?: number | null;
}
