import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/server/database-unavailable';

/** The shape Prisma 7 with @prisma/adapter-pg throws (seen against a closed port). */
const prismaError = (code: string, cause: object) =>
  Object.assign(new Error('Invalid `db.user.findFirst()` invocation'), {
    code,
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause } },
  });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['the server is not reachable', prismaError('P1001', { kind: 'DatabaseNotReachable', port: 1 })],
    ['the connection was closed under a query', prismaError('P1017', { kind: 'ConnectionClosed' })],
    ['the server is shutting down (57P01)', prismaError('P2010', { kind: 'postgres', code: '57P01' })],
    ['the server is starting up (57P03)', prismaError('P2010', { kind: 'postgres', code: '57P03' })],
    ['node-postgres lost its socket', new Error('Connection terminated unexpectedly')],
    [
      'a refused socket, wrapped',
      new Error('query failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
    ],
  ])('yes when %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', prismaError('P2002', { kind: 'UniqueConstraintViolation' })],
    ['a statement PostgreSQL refused', prismaError('P2010', { kind: 'postgres', code: '23514' })],
    ['a bug', new TypeError('x is undefined')],
    ['not an error at all', 'oops'],
  ])('no for %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
