import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '@/lib/http/security-headers';
import type { NextConfig } from 'next';
// @ts-expect-error: next.config.js is plain JavaScript without types; its shape is NextConfig
import nextConfigModule from '@/next.config.js';
import { proxy } from '@/proxy';

const nextConfig = nextConfigModule as NextConfig;

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

describe('Content-Security-Policy', () => {
  it('lets scripts run only with the response’s nonce, and forbids framing, plugins and foreign forms', () => {
    const csp = contentSecurityPolicy('abc123');
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('n', { https: true })).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('n', { dev: true })).toContain("'unsafe-eval'");
  });
});

describe('proxy.ts sets the per-request headers', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('gives the login page a fresh nonce each time, in the response and in the request Next renders from', async () => {
    const first = await proxy(new NextRequest('http://127.0.0.1:3000/login'));
    const second = await proxy(new NextRequest('http://127.0.0.1:3000/login'));
    const [a, b] = [
      nonceOf(first.headers.get('content-security-policy')),
      nonceOf(second.headers.get('content-security-policy')),
    ];
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(a).not.toBe(b);
    // NextResponse.next({ request: { headers } }) hands Next the request headers through x-middleware-* headers
    expect(first.headers.get('x-middleware-request-content-security-policy')).toContain(`'nonce-${a}'`);
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(a);
  });

  it('puts the policy on the redirect of an anonymous visitor and on API answers, without redirecting those', async () => {
    const page = await proxy(new NextRequest('http://127.0.0.1:3000/dashboard'));
    expect(page.headers.get('location')).toMatch(/\/login\?callbackUrl=%2Fdashboard$/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const api = await proxy(new NextRequest('http://127.0.0.1:3000/api/v1/projects'));
    expect(api.headers.get('location')).toBeNull();
    expect(api.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('sends Strict-Transport-Security only when the app is served over https', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://127.0.0.1:3000');
    expect(
      (await proxy(new NextRequest('http://127.0.0.1:3000/login'))).headers.get('strict-transport-security'),
    ).toBeNull();
    expect(
      (await proxy(new NextRequest('https://keystone.example/login'))).headers.get('strict-transport-security'),
    ).toBe('max-age=31536000');
    vi.stubEnv('NEXTAUTH_URL', 'https://keystone.example');
    const behindTls = await proxy(new NextRequest('http://10.0.0.5:3000/api/v1/projects'));
    expect(behindTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(behindTls.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});

describe('next.config.js sends the fixed headers on every path', () => {
  it('the same list as lib/http/security-headers.ts, with Permissions-Policy, nosniff and the referrer rule', async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === '/:path*');
    expect(all?.headers).toEqual(STATIC_SECURITY_HEADERS);
    const byKey = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byKey['X-Content-Type-Options']).toBe('nosniff');
    expect(byKey['Referrer-Policy']).toBe('same-origin');
    expect(byKey['Permissions-Policy']).toContain('camera=()');
    expect(byKey['X-Frame-Options']).toBe('DENY');
  });
});
