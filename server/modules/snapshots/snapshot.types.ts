import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ImpactFilter } from '../impact/impact-filter.input';

@ObjectType({ description: 'A published, frozen set of figures; never changes once published' })
export class Snapshot {
  id: number;
  replacesId: number | null;

  @Field(() => String)
  slug: string;

  @Field(() => Int)
  year: number;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'PROVISIONAL (published before the reporting deadline) or FINAL' })
  status: string;

  @Field(() => String, { description: 'SHA-256 of the canonical JSON of content (RFC 8785)' })
  checksum: string;

  @Field(() => Int)
  dataVersion: number;

  @Field(() => Date, { description: 'When the frozen figures were last changed before publication' })
  asOf: Date;

  @Field(() => Date)
  publishedAt: Date;

  @Field(() => String, { description: 'The public page' })
  url: string;

  @Field(() => GraphQLJSONObject, { description: 'Every frozen figure, the methodology and the protections applied' })
  content: Record<string, unknown>;
}

@InputType()
export class PublishSnapshotInput {
  @Field(() => Int)
  year: number;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true, description: 'Default: w4r-<year>-<status>' })
  slug?: string | null;

  @Field(() => ImpactFilter, { nullable: true, description: 'A part of the campaign only (its year is ignored)' })
  filter?: ImpactFilter | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'Figures below this for subdivisions and groups show as "< N" (default 10)' })
  suppressBelow?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Name the top groups (default: no group is named)' })
  includeGroupNames?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Replace the FINAL snapshot of the same scope (it stays readable)' })
  replace?: boolean | null;
}

@ObjectType()
export class FigureChange {
  @Field(() => String)
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => Int)
  before: number;

  @Field(() => Int)
  after: number;

  @Field(() => Int)
  change: number;
}

@ObjectType({ description: 'What changed since a snapshot: late reports and corrections' })
export class SnapshotDiff {
  @Field(() => Int)
  totalBefore: number;

  @Field(() => Int)
  totalAfter: number;

  @Field(() => [FigureChange])
  byCase: FigureChange[];

  @Field(() => [FigureChange])
  byCountry: FigureChange[];
}

@ObjectType({ description: 'What a publication would freeze now' })
export class SnapshotPreview {
  @Field(() => String, { description: 'PROVISIONAL or FINAL, as it would be published now' })
  status: string;

  @Field(() => GraphQLJSONObject)
  content: Record<string, unknown>;
}
