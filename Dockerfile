# peerbot: build with tsc, run the compiled code as a non-root user.
# The lowdb data lives on a volume at /var/lib/peerbot; the programs and policies ship in the image.
# (.ci/docker-stages runs the RUN steps of these stages in a temp copy, since CI has no Docker.)

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY commands ./commands
COPY scripts ./scripts
RUN npm run build
# Production dependencies only, for the runtime stage.
RUN npm prune --omit=dev --ignore-scripts
RUN mkdir -p var

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    PEERBOT_DB=/var/lib/peerbot/db.json \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY data/programs ./data/programs
COPY data/policies ./data/policies
COPY --from=build --chown=node:node /app/var /var/lib/peerbot
# The image's own "node" user (uid 1000): never root.
USER node
VOLUME /var/lib/peerbot
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
