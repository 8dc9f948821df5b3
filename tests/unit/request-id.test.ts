import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { REQUEST_ID_MAX, requestIdFrom } from '@/lib/http/request-id';
import { proxy } from '@/proxy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the proxy answers, and the x-request-id it hands on to the page or action (and so to every log line). */
async function idsFor(header: string | null, path = '/login') {
  const request = new NextRequest(`http://127.0.0.1:3000${path}`, {
    headers: header === null ? {} : { 'x-request-id': header },
  });
  const response = await proxy(request);
  return {
    echoed: response.headers.get('x-request-id'),
    // NextResponse.next({ request: { headers } }) hands Next the request headers through x-middleware-* headers
    forwarded: response.headers.get('x-middleware-request-x-request-id'),
  };
}

describe('the request id', () => {
  it.each([
    ['a load balancer’s hex id', '7f3a9c0e5b1d42f8a6c3e9b0d1f2a3b4'],
    ['a UUID', '0c3b9d1e-4a5f-4b6c-8d7e-9f0a1b2c3d4e'],
    ['dots, colons and underscores', 'edge-01:req_42.7'],
    ['exactly the longest allowed', 'a'.repeat(REQUEST_ID_MAX)],
  ])('reuses %s: echoed on the response and handed on to the logs', async (_, id) => {
    expect(await idsFor(id)).toEqual({ echoed: id, forwarded: id });
    expect(await idsFor(id, '/api/health')).toEqual({ echoed: id, forwarded: id });
  });

  it.each([
    ['one character too long', 'a'.repeat(REQUEST_ID_MAX + 1)],
    ['a space', 'abc def'],
    ['markup', '<script>alert(1)</script>'],
    ['a quote', 'abc"def'],
    ['a leading dash', '-abc'],
    ['empty', ''],
  ])('replaces an id with %s by a fresh one', async (_, id) => {
    const { echoed, forwarded } = await idsFor(id);
    expect(echoed).toMatch(UUID);
    expect(forwarded).toBe(echoed);
  });

  it('makes a fresh id for each request that brings none', async () => {
    const [a, b] = [await idsFor(null), await idsFor(null)];
    expect(a.echoed).toMatch(UUID);
    expect(a.forwarded).toBe(a.echoed);
    expect(b.echoed).not.toBe(a.echoed);
  });

  // (a Headers object refuses these itself; the rule holds for any caller)
  it('never takes an id with a newline or non-ASCII text', () => {
    expect(requestIdFrom('abc\n{"level":"error"}')).toMatch(UUID);
    expect(requestIdFrom('请求编号123')).toMatch(UUID);
    expect(requestIdFrom(undefined)).toMatch(UUID);
  });
});
