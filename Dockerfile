# Multi-stage build of the whole monorepo; one image runs any of gateway, worker or web
# (pick with the container command), each configured only by env.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm i -g pnpm
COPY . .
RUN pnpm install --frozen-lockfile && pnpm run build:all

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN npm i -g pnpm && groupadd -r app && useradd -r -g app -d /app app
COPY --from=build --chown=app:app /app /app
USER app
EXPOSE 4000 3000
CMD ["node", "apps/gateway/dist/main.js"]
