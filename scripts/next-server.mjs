/**
 * Serves the production build (what `npm start` and the container run):
 *   node scripts/next-server.mjs --port 3000 [--hostname 127.0.0.1]
 * with one worker process per core (WEB_CONCURRENCY to choose how many): this process is then the cluster primary
 * (scripts/lib/cluster-primary.mjs) and each worker serves (scripts/lib/http-worker.mjs). With WEB_CONCURRENCY=1
 * this process serves alone. Plain JavaScript so the container runs it with Node alone.
 */
import cluster from 'node:cluster';
import { runPrimary, workerCount } from './lib/cluster-primary.mjs';

let workers;
try {
  workers = workerCount();
} catch (e) {
  console.error(`[keystone] ${e.message}`);
  process.exit(1);
}
if (cluster.isPrimary && workers > 1) runPrimary(workers);
else await import('./lib/http-worker.mjs');
