import type { CrashPolicy } from './crash-policy.mjs';

export const MAX_WORKERS: number;
export function workerCount(env?: Record<string, string | undefined>, cores?: number): number;
export function workerId(env?: Record<string, string | undefined>): number | null;
export function serverOptions(argv?: string[]): { port: number; hostname: string | undefined };
export function runPrimary(count: number, options?: { policy?: CrashPolicy }): void;
