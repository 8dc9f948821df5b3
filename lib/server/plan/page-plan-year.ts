import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { resolvePlanYear } from './resolve-plan-year';

/**
 * A page's `?year=`: the signed-in actor, every plan year and the one asked for (or the default), or notFound() for
 * anything else. Cached per request, so generateMetadata and the page share one lookup.
 */
export const pagePlanYear = cache(async (requested: string | string[] | undefined) => {
  const actor = await requireActor();
  const resolved = await resolvePlanYear(prisma, actor, requested);
  if (!resolved) notFound();
  return { actor, ...resolved };
});
