import { defineConfig } from 'prisma/config';

// Prisma 7 reads no .env by itself, and `generate` needs no database, so an unset URL is fine here.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
