import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { diffSnapshot, findSnapshot, listSnapshots, previewSnapshot, publishSnapshot, type SnapshotRow } from './snapshot.service';
import { PublishSnapshotInput, Snapshot, SnapshotDiff, SnapshotPreview } from './snapshot.types';

export function toSnapshot(row: SnapshotRow): Snapshot {
  return Object.assign(new Snapshot(), {
    id: row.id,
    replacesId: row.replaces_id,
    slug: row.slug,
    year: row.year,
    title: row.title,
    status: row.status,
    checksum: row.checksum,
    dataVersion: Number(row.data_version),
    asOf: row.as_of,
    publishedAt: row.published_at,
    url: `/s/${row.slug}`,
    content: row.content,
  });
}

@Resolver(() => Snapshot)
export class SnapshotResolver {
  @Query(() => Snapshot, { nullable: true, description: 'A published snapshot: public, no sign-in needed' })
  async snapshot(@Arg('slug', () => String) slug: string, @Ctx() { dataSource }: Context): Promise<Snapshot | null> {
    const row = await findSnapshot(dataSource, slug);
    return row && toSnapshot(row);
  }

  @Authorized('admin', 'staff')
  @Query(() => [Snapshot], { description: 'Every published snapshot, newest first' })
  async snapshots(@Ctx() { dataSource }: Context): Promise<Snapshot[]> {
    return (await listSnapshots(dataSource)).map(toSnapshot);
  }

  @Authorized('admin', 'staff')
  @Mutation(() => Snapshot, { description: 'Freezes the figures of a campaign (or part of it) for publication' })
  async publishSnapshot(@Arg('input', () => PublishSnapshotInput) input: PublishSnapshotInput, @Ctx() { dataSource, user }: Context): Promise<Snapshot> {
    return toSnapshot(await publishSnapshot(dataSource, input, user!.id));
  }

  @Authorized('admin', 'staff')
  @Query(() => SnapshotPreview, { description: 'What publishSnapshot would freeze now, without publishing' })
  previewSnapshot(@Arg('input', () => PublishSnapshotInput) input: PublishSnapshotInput, @Ctx() { dataSource }: Context): Promise<SnapshotPreview> {
    return previewSnapshot(dataSource, input);
  }

  @Authorized('admin', 'staff')
  @Query(() => SnapshotDiff, { description: 'Changes since a snapshot: against another snapshot, or the live data when `against` is null' })
  snapshotDiff(
    @Arg('slug', () => String) slug: string,
    @Arg('against', () => String, { nullable: true }) against: string | null,
    @Ctx() { dataSource }: Context,
  ): Promise<SnapshotDiff> {
    return diffSnapshot(dataSource, slug, against);
  }

  @FieldResolver(() => Snapshot, { nullable: true, description: 'The snapshot this one replaced' })
  async replaces(@Root() s: Snapshot, @Ctx() { dataSource }: Context): Promise<Snapshot | null> {
    if (s.replacesId == null) return null;
    const [row] = await dataSource.query(`SELECT * FROM snapshot WHERE id = $1`, [s.replacesId]);
    return row ? toSnapshot(row) : null;
  }

  @FieldResolver(() => Snapshot, { nullable: true, description: 'The snapshot that replaced this one, if any' })
  async replacedBy(@Root() s: Snapshot, @Ctx() { dataSource }: Context): Promise<Snapshot | null> {
    const [row] = await dataSource.query(`SELECT * FROM snapshot WHERE replaces_id = $1`, [s.id]);
    return row ? toSnapshot(row) : null;
  }
}
