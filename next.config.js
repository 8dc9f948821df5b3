import createNextIntlPlugin from 'next-intl/plugin';

// Finds ./i18n/request.ts, where the locale is read from the NEXT_LOCALE cookie (no locale in URLs).
const withNextIntl = createNextIntlPlugin();

// Kept in step with lib/http/security-headers.ts (tests/unit/security-headers.test.ts compares them); this file is
// plain JavaScript loaded before TypeScript, so it cannot import that module.
const STATIC_SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets two builds live side by side (e.g. a second working copy's checks) without overwriting each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  experimental: {
    // Excel imports arrive through a server action: the file (at most 20 MB, which the action checks itself,
    // lib/domain/project-sheet/limits.ts) and, with the commit, the check's version stamps (at most 4 MB).
    serverActions: { bodySizeLimit: '25mb' },
  },
  reactStrictMode: true,
  async headers() {
    // The Content-Security-Policy (with its per-request nonce) and HSTS come from proxy.ts.
    return [{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
