import pino from 'pino';

/**
 * The app's structured log: one JSON object per line on stdout (README "Logs"). Every line written while serving a
 * request carries its `reqId` (proxy.ts makes it and returns it as X-Request-Id); action lines carry the actor's id,
 * the action and its duration; error lines carry `ref`, the reference the user is shown.
 *
 * What is logged is chosen field by field (never an action's input, a form or a report's text), and `redact` is the
 * safety net for a secret that reaches a log call by mistake, at any depth we log.
 */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'confirmPassword',
  'passwordHash',
  'token',
  'secret',
  'authorization',
  'cookie',
  // a monthly report's free texts (lib/validations/report.ts), review comments and reopening reasons
  'progressText',
  'problems',
  'coordinationNeeded',
  'nextSteps',
  'blockers',
  'comment',
  'reason',
];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const worker = Number(process.env.KEYSTONE_WORKER) || null;

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    // in a cluster (scripts/lib/cluster-primary.mjs) the worker's number, 1…N, as in the server's own lines
    base: worker ? { app: 'keystone', worker } : { app: 'keystone' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  },
  // Through process.stdout (synchronous for files and pipes on Linux), looked up at each write so a test can read it.
  { write: (line: string) => process.stdout.write(line) },
);

export type Logger = typeof logger;
