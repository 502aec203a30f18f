#!/usr/bin/env bash
# Builds, without any registry, the images the docker runtime's tests run sandboxes from:
#   koyeb-emulator-test/busybox  a static busybox (sh and the usual tools), about 1 MB
#   koyeb-emulator-test/python   a minimal Debian with python3 and procps, about 200 MB
# Needs root (debootstrap), busybox-static and debootstrap (Debian/Ubuntu packages).
# An image that exists already is kept; --force rebuilds.
set -euo pipefail

force=false
[ "${1:-}" = "--force" ] && force=true
work=$(mktemp -d)
# --one-file-system: a failed debootstrap may leave proc or sys mounted under the work directory.
trap 'rm -rf --one-file-system "$work"' EXIT

have() { [ "$force" = false ] && docker image inspect "$1" > /dev/null 2>&1; }

if have koyeb-emulator-test/busybox; then
	echo "koyeb-emulator-test/busybox is there"
else
	busybox=$(command -v busybox)
	if ldd "$busybox" >/dev/null 2>&1; then
		echo "$busybox is dynamically linked: install busybox-static, whose busybox needs no library" >&2
		exit 1
	fi
	root="$work/busybox"
	mkdir -p "$root/bin" "$root/etc" "$root/root" "$root/tmp"
	cp "$busybox" "$root/bin/busybox"
	for tool in $("$busybox" --list); do
		[ "$tool" = busybox ] || ln -s busybox "$root/bin/$tool"
	done
	echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
	echo 'root:x:0:' > "$root/etc/group"
	chmod 1777 "$root/tmp"
	tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - koyeb-emulator-test/busybox > /dev/null
	echo "built koyeb-emulator-test/busybox"
fi

if have koyeb-emulator-test/python; then
	echo "koyeb-emulator-test/python is there"
else
	root="$work/python"
	debootstrap --variant=minbase --include=python3,procps bookworm "$root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$work/debootstrap.log" \
		|| { cat "$work/debootstrap.log"; exit 1; }
	rm -rf "$root/var/cache/apt/archives"/*.deb "$root/var/lib/apt/lists"/*
	tar -C "$root" -c . | docker import -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' -c 'CMD ["/bin/sh"]' - koyeb-emulator-test/python > /dev/null
	echo "built koyeb-emulator-test/python"
fi
