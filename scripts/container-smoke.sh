#!/usr/bin/env bash
# Container smoke test (not part of npm test): builds the image with a local Docker
# engine and runs `orch ci` against a sample repository mounted at /repo.
#   bash scripts/container-smoke.sh                   # base image node:20-slim
#   BASE_IMAGE=my-node20 bash scripts/container-smoke.sh  # a base image loaded with docker load
set -euo pipefail
cd "$(dirname "$0")/.."
if ! docker info >/dev/null 2>&1; then
  echo "container-smoke: no Docker engine reachable (docker info failed); nothing to do." >&2
  exit 0
fi
image=orchguard:smoke
docker build -q --build-arg "BASE_IMAGE=${BASE_IMAGE:-node:20-slim}" -t "$image" . >/dev/null
repo=$(mktemp -d)
trap 'rm -rf "$repo" "$repo.out"' EXIT
# mktemp -d makes it 0700; the image runs as uid 1000, which must be able to read it like a checkout
chmod 755 "$repo"
git -C "$repo" init -q -b main
git -C "$repo" config user.email smoke@example.test
git -C "$repo" config user.name smoke
printf '## Locks\n\n| Path | Agent | Task | Since | Expires | Note |\n| --- | --- | --- | --- | --- | --- |\n| api.yaml | backend-architect | T-1 | 2026-01-01T00:00Z | - | - |\n' > "$repo/WORK_STATUS.md"
echo 'a: 1' > "$repo/api.yaml"
git -C "$repo" add -A && git -C "$repo" commit -qm base
base=$(git -C "$repo" rev-parse HEAD)
echo 'a: 2' > "$repo/api.yaml"
git -C "$repo" add -A && git -C "$repo" -c user.email=intruder@example.test commit -qm "Agent: frontend" -m "Agent: frontend-specialist"
set +e
docker run --rm -v "$repo:/repo" "$image" ci --base "$base" --head HEAD --format json > "$repo.out"
code=$?
set -e
cat "$repo.out"
if [ "$code" -eq 1 ] && grep -q '"lock-conflict"' "$repo.out"; then
  echo "container-smoke: ok (orch ci in the container blocked the locked change)"
else
  echo "container-smoke: FAILED (exit $code)" >&2
  exit 1
fi
