# Đồng Soạn, one instance (issue 11, item 7). docker-compose.yml runs three of these behind nginx, on
# PostgreSQL and Redis. The image listens on 0.0.0.0:3000 and keeps nothing it needs across restarts
# when DATABASE_URL is set: run as many as you like.

# --- build: the client (Vite) into client/dist, the server (esbuild) into dist/server ---------------------
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary matches (README, "The two commands").
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The lockfile alone first, so that a change to the code does not reinstall the packages; `npm ci` also
# builds the native addon of the append journal (scripts/buildNative.mjs, native/mappedFile.c).
COPY package.json package-lock.json ./
COPY scripts/buildNative.mjs ./scripts/
COPY native ./native
RUN npm ci
COPY tsconfig.json ./
COPY scripts ./scripts
COPY common ./common
COPY server ./server
COPY client ./client
# dist/server imports its packages from node_modules (scripts/buildServer.mjs bundles only our own code),
# and nothing from the dev dependencies at run time: drop them once the build is done.
RUN npm run build \
 && npm prune --omit=dev

# --- run -------------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim
# LibreOffice renders the issued report as the PDF that gets signed (server/signing/sofficeRenderer.ts);
# fonts-liberation stands in for Times New Roman with the same metrics. It adds ~400 MB: build with
# `--build-arg LIBREOFFICE=0` to leave it out, and the app then answers issued.pdf with 503
# `pdf_unavailable` and says why on the page (a PDF already rendered and stored is still served).
ARG LIBREOFFICE=1
RUN if [ "$LIBREOFFICE" = 1 ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation \
      && rm -rf /var/lib/apt/lists/*; \
    fi
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# config.ts finds templates/ and client/dist from the nearest package.json above dist/server.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/native/build ./native/build
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
COPY templates ./templates
# DATA_DIR: the SQLite store when DATABASE_URL is unset; with DATABASE_URL only the demo's passwords file
# (DEMO=1). It must be writable by the user the server runs as.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "dist/server/main.js"]
