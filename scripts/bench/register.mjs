// Loaded with `node --import` (through tsx) by `npm run bench`, `npm run test:load` and the fault tests' app process:
// lets them call the real server actions outside Next, as the integration tests do with vi.mock — the request
// context and next/cache are stubbed.
import * as nodeModule from 'node:module';
import { resolve } from './stub-loader.mjs';

// Where Node has in-thread hooks (22.15+, 24), tsx registers its resolver there and it answers '@/…' paths before
// any off-thread hook is asked, so the stubs must be in-thread too (registered after tsx, they are asked first).
if (typeof nodeModule.registerHooks === 'function') nodeModule.registerHooks({ resolve });
else nodeModule.register('./stub-loader.mjs', import.meta.url);
