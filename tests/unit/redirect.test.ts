import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/auth/redirect';

const APP = 'http://127.0.0.1:3000';

describe('safeRedirectPath: a sign-in may only lead to a page of this app', () => {
  it.each([
    ['/', '/'],
    ['/projects', '/projects'],
    ['/projects?stage=NEW_START&q=%E5%BB%BA#list', '/projects?stage=NEW_START&q=%E5%BB%BA#list'],
    ['/dashboard/departments/7?basis=submitted', '/dashboard/departments/7?basis=submitted'],
    ['projects', '/projects'], // relative to the app's root
    ['http://127.0.0.1:3000/reports', '/reports'], // absolute, but the app's own origin
    ['/a/../reports', '/reports'],
  ])('keeps %j as %j', (value, expected) => {
    expect(safeRedirectPath(value, APP)).toBe(expected);
  });

  it.each([
    // the reported one: a tab that the browser drops turns the path into //evil.example
    '/\t/evil.example',
    '/%09/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/%0a/evil.example',
    '/%0D/evil.example',
    '/%00/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    '/\u0085/evil.example',
    '/\u2028/evil.example',
    // protocol-relative and backslash forms
    '//evil.example',
    '//evil.example/path',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '%2F%2Fevil.example',
    '/.//evil.example',
    '/./\\evil.example',
    // absolute URLs elsewhere, and schemes that are not pages
    'http://evil.example',
    'https://evil.example/login',
    'http://127.0.0.1:3001/projects', // another port is another origin
    'https://127.0.0.1:3000/projects', // another scheme too
    'http://127.0.0.1:3000@evil.example/',
    'http://user:pass@127.0.0.1:3000/',
    'HTTP://EVIL.EXAMPLE',
    ' http://evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:a@evil.example',
    // malformed and oversized
    '/%E0%A4%A',
    '/%',
    '',
  ])('refuses %#: %j', (value) => {
    expect(safeRedirectPath(value, APP)).toBe('/');
  });

  it('refuses what is not a string, and uses the fallback given', () => {
    for (const value of [undefined, null, 42, ['/projects', '//evil.example'], { href: '/' }]) {
      expect(safeRedirectPath(value, APP)).toBe('/');
    }
    expect(safeRedirectPath(`/${'a'.repeat(3000)}`, APP)).toBe('/'); // no page needs a 3 KB address
    expect(safeRedirectPath('//evil.example', APP, '/dashboard')).toBe('/dashboard');
  });

  it('never returns anything a browser could read as another host', () => {
    const hostile = ['/\t/x', '//x', '/\\x', '/.//x', '/%2e//x', '/%2F/x', '/x/..//y'];
    for (const value of hostile) {
      const path = safeRedirectPath(value, APP);
      expect(path.startsWith('/')).toBe(true);
      expect(path.startsWith('//')).toBe(false);
      expect(new URL(path, APP).origin).toBe(APP);
    }
  });
});
