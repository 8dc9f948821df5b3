// Loaded with `node --import` (through tsx) by `npm run bench`: lets the benchmark call the real server actions
// outside Next, as the integration tests do with vi.mock — the request context and next/cache are stubbed.
import { register } from 'node:module';

register('./stub-loader.mjs', import.meta.url);
