/** npm run db:seed — seeds an empty database with the 2025 plan and the demo data; never overwrites. */
import { createPrismaClient } from '../lib/prisma';
import { seedDatabase } from '../prisma/seed/load';
import { printDemoLogins, seedDemoPhotos } from './lib/app-server';
import { resolveAppDatabase } from './lib/postgres';

const { url, cluster } = await resolveAppDatabase(console.log);
const db = createPrismaClient(url);
try {
  const started = Date.now();
  const result = await seedDatabase(db);
  if (result.seeded) {
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`, result.counts);
    const photosStarted = Date.now();
    await seedDemoPhotos(db, console.log);
    console.log(`(demo photos in ${((Date.now() - photosStarted) / 1000).toFixed(1)} s)`);
    printDemoLogins(console.log);
  } else {
    console.log('The database already has data; the seed never overwrites it. Nothing was changed.');
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await cluster.stop();
}
process.exit(process.exitCode ?? 0); // see startEmbeddedCluster: its exit hook would report 0
