import { defineConfig, devices } from '@playwright/test';

// The app under test: a production build (`next build` ran before, see scripts/test.sh) on its own port,
// against a fresh, seeded database of its own (scripts/e2e-server.ts).
// A build folder other than .next (NEXT_DIST_DIR, for side-by-side working copies) gets its own port and, through
// scripts/e2e-server.ts, its own database, so two runs never collide.
const distDir = process.env.NEXT_DIST_DIR || '.next';
const offset = distDir === '.next' ? 0 : 1 + [...distDir].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 97, 0);
const port = Number(process.env.E2E_PORT ?? 3210 + offset);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium: Playwright's own browser download cannot reach its host from here.
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its outputDir at start; the other tiers' reports live beside it in test-results/.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  // A cold server's first requests (and a loaded 2-core CI machine) can take seconds; waiting longer for an
  // expected state costs nothing when it arrives at once.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // e2e/year-cycle.spec.ts closes 2025 for good, which every other spec's writes to 2025 would then meet: it runs in
  // a project of its own, after all the others (`npm run test:e2e` still runs both).
  projects: [
    { name: 'chromium', use: browser, testIgnore: /year-cycle/ },
    { name: 'year-cycle', use: browser, testMatch: /year-cycle/, dependencies: ['chromium'] },
  ],
  webServer: {
    command: `npx --no-install tsx --conditions=react-server scripts/e2e-server.ts`,
    url: `${baseURL}/login`,
    // warnings and errors only: a line per request would bury the test report (LOG_LEVEL=info to see them)
    env: { E2E_PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM, not the default SIGKILL: the server script must stop `next start` (its own process group) and
    // the database before it goes.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
