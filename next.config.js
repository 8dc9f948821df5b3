import createNextIntlPlugin from 'next-intl/plugin';

// Finds ./i18n/request.ts, where the locale is read from the NEXT_LOCALE cookie (no locale in URLs).
const withNextIntl = createNextIntlPlugin();

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
    return [
      {
        source: '/:path*',
        headers: [
          // An internal government tool is never meant to be framed by another site.
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
