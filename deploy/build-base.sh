#!/usr/bin/env bash
# Builds a base image from Debian's own packages with debootstrap and imports it into Docker,
# for machines that cannot pull images from a registry. Run as root from anywhere:
#
#   deploy/build-base.sh            # aipath-base:bookworm      python3 (3.11), venv, CA certs
#   deploy/build-base.sh postgres   # aipath-postgres:bookworm  Debian's PostgreSQL 15 server
#
# The Debian mirror is the one apt already uses on this machine (its sources list), unless
# DEBIAN_MIRROR is set. SUITE (default bookworm) and TAG override the defaults. Where images
# can be pulled this script is not needed: see deploy/README.md (BASE_IMAGE=python:3.11-slim).
set -euo pipefail

flavor=${1:-python}
suite=${SUITE:-bookworm}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

case $flavor in
python)
    tag=${TAG:-aipath-base:$suite}
    packages=python3,python3-venv,ca-certificates,tzdata
    ;;
postgres)
    tag=${TAG:-aipath-postgres:$suite}
    packages=postgresql,ca-certificates,tzdata
    ;;
*)
    echo "usage: $0 [python|postgres]" >&2
    exit 2
    ;;
esac

die() {
    echo "build-base: $*" >&2
    exit 1
}

[ "$(id -u)" = 0 ] || die "debootstrap needs root"
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
command -v docker >/dev/null || die "docker is missing (apt-get install docker.io)"

# The first apt source that serves "$suite" itself (not -updates or -security).
apt_mirror() {
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -r "$file" ] || continue
        # deb822: blank-line separated stanzas with Types:, URIs: and Suites: fields.
        awk -v suite="$suite" '
            function flush() {
                if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ")) {
                    split(uris, u, " "); print u[1]; found = 1; exit
                }
                types = ""; uris = ""; suites = ""
            }
            /^[[:space:]]*$/ { flush(); next }
            /^Types:/  { sub(/^Types:[[:space:]]*/, "");  types = $0 }
            /^URIs:/   { sub(/^URIs:[[:space:]]*/, "");   uris = $0 }
            /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
            END { if (!found) flush() }
        ' "$file"
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -r "$file" ] || continue
        # One-line format: deb [options] URI suite components...
        sed -E 's/\[[^]]*\]//' "$file" | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2 }'
    done
}

mirror=${DEBIAN_MIRROR:-$(apt_mirror | head -n 1)}
[ -n "$mirror" ] || die "no apt source for $suite found; set DEBIAN_MIRROR to a Debian mirror URL"

rootfs=$(mktemp -d /var/tmp/aipath-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT

echo "build-base: debootstrap $suite ($flavor) from $mirror"
debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" \
    >"$rootfs.log" 2>&1 || {
    tail -n 30 "$rootfs.log" >&2
    die "debootstrap failed (full log: $rootfs.log)"
}
rm -f "$rootfs.log"

changes=(--change "ENV LANG=C.UTF-8")
if [ "$flavor" = postgres ]; then
    # No cluster in the image: the entrypoint creates one on the data volume at first start.
    rm -rf "$rootfs"/var/lib/postgresql/* "$rootfs"/etc/postgresql/*
    install -D -m 0755 "$here/postgres-entrypoint.sh" "$rootfs/usr/local/bin/postgres-entrypoint"
    bindir=$(ls -d "$rootfs"/usr/lib/postgresql/*/bin | head -n 1)
    bindir=${bindir#"$rootfs"}
    chroot "$rootfs" install -d -o postgres -g postgres -m 0700 /var/lib/postgresql/data
    chroot "$rootfs" install -d -o postgres -g postgres -m 2775 /var/run/postgresql
    changes+=(
        --change "ENV PATH=$bindir:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        --change "ENV PGDATA=/var/lib/postgresql/data"
        --change "USER postgres"
        --change "VOLUME /var/lib/postgresql/data"
        --change "EXPOSE 5432"
        --change 'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]'
    )
else
    changes+=(--change 'CMD ["python3"]')
fi

# Slim it down: package caches and lists, manuals, docs (the copyright files stay), and
# message translations (programs then speak English; locale.alias stays for glibc).
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/*.log
find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
find "$rootfs" -name __pycache__ -type d -prune -exec rm -rf {} +

tar --numeric-owner --xattrs -C "$rootfs" -c . | docker import "${changes[@]}" - "$tag" >/dev/null
echo "build-base: $tag $(docker image inspect --format '{{.Size}}' "$tag" | numfmt --to=iec)"
