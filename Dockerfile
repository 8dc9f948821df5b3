# Production-like image of Keystone. `docker compose up` runs it beside PostgreSQL 16 (docker-compose.yml).
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app /app
EXPOSE 3000
# scripts/start.ts migrates; on an empty database it creates one administrator with a random password printed once
# in the log (no demo users, whose password is public, unless KEYSTONE_DEMO=1); then serves the build made above,
# one worker per CPU the container sees (os.availableParallelism(), which ignores a --cpus quota: set WEB_CONCURRENCY
# to the quota then).
CMD ["npx", "--no-install", "tsx", "--conditions=react-server", "scripts/start.ts"]
