import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ImportBatch } from './import-batch.entity';

@Resolver(() => ImportBatch)
export class ImportResolver {
  @Authorized('admin', 'staff')
  @Query(() => [ImportBatch], { description: 'Imports, newest first, rejected ones with their errors' })
  imports(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() { dataSource }: Context,
  ): Promise<ImportBatch[]> {
    return dataSource.getRepository(ImportBatch).find({ order: { id: 'DESC' }, take: Math.min(Math.max(first, 1), 100) });
  }
}
