import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/session';

/** Each role's start page: departments enter their month, everyone else opens the investment dashboard. */
export default async function AppHome(): Promise<never> {
  const actor = await requireActor();
  redirect(actor.role === 'DEPARTMENT' ? '/reports' : '/dashboard');
}
