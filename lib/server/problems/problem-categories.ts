import 'server-only';
import type { z } from 'zod';
import { isUniqueViolation, NotFoundError, ValidationError } from '@/lib/server/errors';
import type { WriteContext } from '@/lib/server/write-context';
import type {
  ZAddProblemCategory,
  ZMoveProblemCategory,
  ZProblemEscalationDays,
  ZRenameProblemCategory,
  ZSetProblemCategoryActive,
} from '@/lib/validations/problem';

/**
 * The bureau's list of problem categories and the escalation setting. Categories are never deleted (problems
 * point at them; the foreign key refuses it too): one is deactivated, so old problems keep it and new ones cannot
 * pick it.
 */

async function nameTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: ['problemCategoryNameTaken'] });
    throw error;
  }
}

export async function addProblemCategory(ctx: WriteContext<z.infer<typeof ZAddProblemCategory>>) {
  const { tx, input } = ctx;
  const last = await tx.problemCategory.aggregate({ _max: { sortOrder: true } });
  const created = await nameTaken(() =>
    tx.problemCategory.create({ data: { name: input.name, sortOrder: (last._max.sortOrder ?? 0) + 10 } }),
  );
  await ctx.audit({
    action: 'problemCategory.add',
    entity: 'ProblemCategory',
    entityId: created.id,
    after: { name: created.name, sortOrder: created.sortOrder },
  });
  return { id: created.id };
}

async function categoryOrThrow(ctx: WriteContext<{ id: number }>) {
  await ctx.tx.$queryRaw`SELECT 1 FROM "ProblemCategory" WHERE id = ${ctx.input.id} FOR UPDATE`;
  const row = await ctx.tx.problemCategory.findUnique({ where: { id: ctx.input.id } });
  if (!row) throw new NotFoundError('category');
  return row;
}

export async function renameProblemCategory(ctx: WriteContext<z.infer<typeof ZRenameProblemCategory>>) {
  const before = await categoryOrThrow(ctx);
  await nameTaken(() => ctx.tx.problemCategory.update({ where: { id: before.id }, data: { name: ctx.input.name } }));
  await ctx.audit({
    action: 'problemCategory.rename',
    entity: 'ProblemCategory',
    entityId: before.id,
    before: { name: before.name },
    after: { name: ctx.input.name },
  });
  return { id: before.id };
}

/** Swaps the category with its neighbour in the list's order; at either end nothing moves. */
export async function moveProblemCategory(ctx: WriteContext<z.infer<typeof ZMoveProblemCategory>>) {
  const { tx, input } = ctx;
  await tx.$queryRaw`SELECT 1 FROM "ProblemCategory" ORDER BY id FOR UPDATE`;
  const all = await tx.problemCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
  const at = all.findIndex((c) => c.id === input.id);
  if (at < 0) throw new NotFoundError('category');
  const to = input.direction === 'up' ? at - 1 : at + 1;
  const order = all.map((c) => c.id);
  if (to >= 0 && to < all.length) [order[at], order[to]] = [order[to]!, order[at]!];
  // renumber the whole list: seeded categories may share a sort order, and a swap of equal values moves nothing
  for (const [i, id] of order.entries()) {
    await tx.problemCategory.update({ where: { id }, data: { sortOrder: (i + 1) * 10 } });
  }
  await ctx.audit({
    action: 'problemCategory.move',
    entity: 'ProblemCategory',
    entityId: input.id,
    before: { order: all.map((c) => c.id) },
    after: { order },
  });
  return { id: input.id };
}

export async function setProblemCategoryActive(ctx: WriteContext<z.infer<typeof ZSetProblemCategoryActive>>) {
  const before = await categoryOrThrow(ctx);
  await ctx.tx.problemCategory.update({ where: { id: before.id }, data: { active: ctx.input.active } });
  await ctx.audit({
    action: ctx.input.active ? 'problemCategory.activate' : 'problemCategory.deactivate',
    entity: 'ProblemCategory',
    entityId: before.id,
    before: { active: before.active },
    after: { active: ctx.input.active },
  });
  return { id: before.id };
}

export async function setProblemEscalationDays(ctx: WriteContext<z.infer<typeof ZProblemEscalationDays>>) {
  const { tx, input } = ctx;
  const before = await tx.appSetting.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  await tx.appSetting.update({ where: { id: 1 }, data: { problemEscalationDays: input.days } });
  await ctx.audit({
    action: 'problem.setEscalationDays',
    entity: 'AppSetting',
    entityId: 1,
    before: { problemEscalationDays: before.problemEscalationDays },
    after: { problemEscalationDays: input.days },
  });
  return { days: input.days };
}
