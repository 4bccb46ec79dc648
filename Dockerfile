# Stafett: Next's standalone server in a slim image that migrates its database on start.
#   docker build -t stafett .
#   docker run -e DATABASE_URL=... -e NEXTAUTH_SECRET=... -e NEXTAUTH_URL=... -p 3000:3000 stafett
# docker-compose.yml runs it beside PostgreSQL 16.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The Prisma client is generated code (lib/db/generated, not in git): build it inside the image.
# The migration runner is bundled into one file with pg inside, so the runtime image needs no tsx for it.
RUN node scripts/prisma-generate.mjs \
 && NEXT_OUTPUT=standalone node_modules/.bin/next build \
 && mkdir -p public \
 && node_modules/.bin/esbuild scripts/migrate.ts --bundle --platform=node --target=node20 \
      --external:pg-native --outfile=.docker/migrate.js --log-level=warning

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    MIGRATE_ENGINE=runner \
    MIGRATIONS_DIR=/app/prisma/migrations
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
COPY --from=build --chown=node:node /app/.docker/migrate.js ./migrate.js
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrate first (creates the database when missing; an advisory lock keeps replicas from racing), then serve.
CMD ["sh", "-c", "node migrate.js && exec node server.js"]
