import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { User } from '../users/user.entity';
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

  @FieldResolver(() => User, { nullable: true, description: 'Who imported it (none for the demo data and command-line imports)' })
  createdBy(@Root() batch: ImportBatch, @Ctx() { loaders }: Context): Promise<User | null> | null {
    return batch.createdBy == null ? null : loaders.userById.load(batch.createdBy);
  }
}
