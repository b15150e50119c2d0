# The Brobygger image: the portal with the API inside it (default command), or the standalone API
# (`pnpm --filter @brobygger/api-server start`, see docker-compose.yml).

FROM node:20-bookworm-slim AS base
# pnpm straight from npm: corepack needs COREPACK_INTEGRITY_KEYS=0 on some networks (docs/stack.md).
RUN npm i -g pnpm@10.34.9 && npm cache clean --force
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1
WORKDIR /app

FROM base AS build
# Dependencies first, keyed on the lockfile alone, so a code change does not refetch them.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --prefer-offline
RUN pnpm --filter @brobygger/portal build

FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    API_PORT=8787 \
    DATA_DIR=/app/data
# The app's files stay owned by root (read-only to the app); only its data directory is writable.
COPY --from=build /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000 8787
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD node -e "fetch('http://localhost:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["pnpm", "--filter", "@brobygger/portal", "serve"]
