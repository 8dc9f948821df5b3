/**
 * npm run demo:date [-- off | YYYY-MM-DD]
 * Shows the demo date of the app's database, clears it (`off`: the app runs on real time and shows no demo banner)
 * or sets it. A running app notices within 10 seconds (lib/server/clock.ts keeps the setting that long).
 */
import { createPrismaClient } from '../lib/prisma';
import { setDemoDate } from '../prisma/seed/demo-date';
import { resolveAppDatabase } from './lib/postgres';

const arg = process.argv[2];
if (arg !== undefined && arg !== 'off' && !/^\d{4}-\d{2}-\d{2}$/.test(arg)) {
  console.error('Usage: npm run demo:date [-- off | YYYY-MM-DD]');
  process.exit(2);
}

const { url, cluster } = await resolveAppDatabase(console.log);
const db = createPrismaClient(url);
try {
  if (arg === undefined) {
    const row = await db.appSetting.findUnique({ where: { id: 1 }, select: { demoDate: true } });
    const date = row?.demoDate?.toISOString().slice(0, 10);
    console.log(
      date ? `Demo date: ${date} (npm run demo:date -- off returns to real time)` : 'No demo date: real time.',
    );
  } else {
    const { before, after } = await setDemoDate(db, arg === 'off' ? null : arg);
    console.log(`Demo date: ${before ?? 'none'} → ${after ?? 'none (real time)'}`);
  }
} catch (e) {
  console.error(e instanceof RangeError ? e.message : e);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await cluster.stop();
}
process.exit(process.exitCode ?? 0); // see startEmbeddedCluster: its exit hook would report 0
