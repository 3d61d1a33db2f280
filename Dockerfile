# orch in a container: runs `orch ci` on a repository mounted at /repo.
#   docker build -t orchguard .
#   docker run --rm -v "$PWD:/repo" orchguard ci --base origin/main --head HEAD
# Machines that cannot pull from a registry: load a Node 20 image first (docker load)
# and pass its name: docker build --build-arg BASE_IMAGE=<local image> .
ARG BASE_IMAGE=node:20-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY bin ./bin
COPY schema.json ./
RUN node scripts/build.mjs --no-types

FROM ${BASE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 # the mounted repository belongs to another uid; git refuses it unless trusted
 && git config --system --add safe.directory /repo
WORKDIR /opt/orchguard
# the bundle has no runtime dependencies: dist/ is all orch needs
COPY --from=build /src/package.json /src/schema.json ./
COPY --from=build /src/bin ./bin
COPY --from=build /src/dist ./dist
# the hook files `orch init` installs
COPY hooks ./hooks
RUN ln -s /opt/orchguard/bin/orch.js /usr/local/bin/orch
USER node
WORKDIR /repo
ENTRYPOINT ["orch"]
CMD ["ci"]
