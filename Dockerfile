# The Brobygger image: the portal with the API inside it (default command), or the standalone API
# (`node api/main.js`, see docker-compose.yml); the operator CLI is `node api/cli.js <command>`.
#
# The build stage compiles the servers ahead of time (esbuild bundles, no tsx at run time) and
# assembles the final folder with tooling/production-folder.mjs; the runtime stage holds only that
# folder: compiled code, browser assets and production dependencies. tooling/production-folder.test.ts
# runs the same steps (no Docker engine runs in CI) and starts the result with plain `node`.

FROM node:20-bookworm-slim AS build
# pnpm straight from npm: corepack needs COREPACK_INTEGRITY_KEYS=0 on some networks (docs/stack.md).
RUN npm i -g pnpm@10.34.9 && npm cache clean --force
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1
WORKDIR /src
# Dependencies first, keyed on the lockfile alone, so a code change does not refetch them.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --prefer-offline
RUN pnpm exec turbo run build --filter=@brobygger/portal --filter=@brobygger/api-server
RUN node tooling/production-folder.mjs /out

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    API_PORT=8787 \
    DATA_DIR=/app/data
WORKDIR /app
# The app's files stay owned by root (read-only to the app); only its data directory is writable.
COPY --from=build /out /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000 8787
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD node -e "fetch('http://localhost:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/server.js"]
