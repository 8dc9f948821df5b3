import { describe, expect, it } from 'vitest';
import { normalizeAddress, parseTrustedProxies, resolveClientAddress } from '@/lib/auth/client-address';

const none = parseTrustedProxies(undefined);

describe('the client address: the socket unless a configured proxy says otherwise', () => {
  it('with no trusted proxies (the default), ignores X-Forwarded-For entirely', () => {
    expect(resolveClientAddress('203.0.113.5', null, none)).toBe('203.0.113.5');
    expect(resolveClientAddress('203.0.113.5', '198.51.100.1', none)).toBe('203.0.113.5');
    expect(resolveClientAddress('203.0.113.5', '1.2.3.4, 5.6.7.8', parseTrustedProxies(''))).toBe('203.0.113.5');
    expect(resolveClientAddress('203.0.113.5', '1.2.3.4', parseTrustedProxies('0'))).toBe('203.0.113.5');
  });

  it('is unknown (null) without a socket address, whatever the headers claim', () => {
    expect(resolveClientAddress(null, '1.2.3.4', none)).toBeNull();
    expect(resolveClientAddress(undefined, '1.2.3.4', parseTrustedProxies('1'))).toBeNull();
    expect(resolveClientAddress('not-an-ip', '1.2.3.4', parseTrustedProxies('1'))).toBeNull();
  });

  it('with one trusted hop, takes what that proxy appended and nothing the client wrote before it', () => {
    const one = parseTrustedProxies('1');
    expect(resolveClientAddress('10.0.0.2', '198.51.100.7', one)).toBe('198.51.100.7');
    // the client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real peer
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7', one)).toBe('198.51.100.7');
    // reached without the proxy (no header): the socket itself
    expect(resolveClientAddress('198.51.100.9', null, one)).toBe('198.51.100.9');
  });

  it('with two hops, goes two steps back', () => {
    const two = parseTrustedProxies('2');
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.1', two)).toBe('198.51.100.7');
  });

  it('with a list, skips the listed proxies from the right and stops at the first other address', () => {
    const list = parseTrustedProxies('10.0.0.0/8, 127.0.0.1, ::1');
    expect(resolveClientAddress('10.1.2.3', '6.6.6.6, 198.51.100.7, 10.9.9.9', list)).toBe('198.51.100.7');
    expect(resolveClientAddress('::1', '203.0.113.8', list)).toBe('203.0.113.8');
    // a peer that is not a listed proxy is the client, whatever it claims
    expect(resolveClientAddress('198.51.100.50', '6.6.6.6', list)).toBe('198.51.100.50');
    // only proxies all the way: the leftmost one
    expect(resolveClientAddress('10.0.0.1', '10.0.0.9', list)).toBe('10.0.0.9');
    // a listed proxy that passes on garbage: unknown rather than the garbage
    expect(resolveClientAddress('10.0.0.1', '<script>', list)).toBeNull();
  });

  it('reads IPv6, v4-mapped, ports and brackets as the plain address', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('192.0.2.1:8080')).toBe('192.0.2.1');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('2001:DB8::A')).toBe('2001:db8::a');
    expect(normalizeAddress('unknown')).toBeNull();
    expect(normalizeAddress(' ')).toBeNull();
    expect(normalizeAddress('1'.repeat(100))).toBeNull();
    const list = parseTrustedProxies('2001:db8::/32');
    expect(resolveClientAddress('2001:db8::5', '2001:db9::7', list)).toBe('2001:db9::7');
  });

  it('reads only the rightmost 32 entries of a huge header', () => {
    const header = `${Array.from({ length: 5000 }, () => '6.6.6.6').join(',')}, 198.51.100.7`;
    expect(resolveClientAddress('10.0.0.2', header, parseTrustedProxies('1'))).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.2', header, parseTrustedProxies('10.0.0.0/8,6.6.6.6'))).toBe('198.51.100.7');
  });

  it.each(['abc', '10.0.0.0/33', '::1/129', '10.0.0.1/8/9', '999.1.1.1', '11', '-1', ',', '10.0.0.0/x'])(
    'refuses the setting %j with a message naming it',
    (setting) => {
      expect(() => parseTrustedProxies(setting)).toThrow(/KEYSTONE_TRUSTED_PROXIES/);
    },
  );
});
