/**
 * Valid inputs of the problem actions for the property test of every action (./property-seeds.ts): built with the
 * authorization matrix's inputs (./authorization/problem-actions.ts), which put a problem of the own department in
 * the state each action needs.
 */
import type { Db } from '@/lib/prisma';
import { PROBLEM_ACTIONS } from './authorization/problem-actions';
import { fixturesOf } from './authorization/matrix';

export const PROBLEM_SEEDS: Record<string, (db: Db) => Promise<unknown>> = Object.fromEntries(
  Object.entries(PROBLEM_ACTIONS).map(([name, spec]) => [
    name,
    async (db: Db) => spec.input(await fixturesOf(db, 5000), 'own'),
  ]),
);
