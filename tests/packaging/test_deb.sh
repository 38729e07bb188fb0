#!/bin/sh
# Builds the .deb with CPack from the build tree and checks that it installs what a user needs:
# both executables, the desktop entry and the icon, with Qt and protobuf as dependencies.
set -eu
build_dir="$1"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/lantern ./usr/bin/lantern-cli ./usr/share/applications/lantern.desktop \
            ./usr/share/icons/hicolor/scalable/apps/lantern.svg; do
  echo "$contents" | grep -q " $path\$" || { echo "missing from the package: $path"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for library in libqt6widgets6 libprotobuf; do
  echo "$depends" | grep -q "$library" || { echo "Depends lacks $library: $depends"; exit 1; }
done
echo "package ok: $(basename "$deb")"
