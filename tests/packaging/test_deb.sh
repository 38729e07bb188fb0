#!/bin/sh
# Builds the .deb with CPack and checks it as a user's machine sees it:
#  - the files a desktop needs, each accepted by its own tool (desktop-file-validate,
#    appstreamcli, update-mime-database, update-desktop-database);
#  - icons at every size, pictures of the right size; man pages;
#  - Depends naming the package of every library the binaries load;
#  - dpkg -i into a fresh root, whose database holds this machine's packages named in Depends
#    (so dpkg checks them); then the installed app, started as its desktop entry says, drawing a
#    real window of a generated log directory, opened from a folder and from an event file;
#  - and the installed app started from its desktop entry by `gio launch` (GLib's launcher, the
#    one GNOME's file manager uses) on a virtual X screen, whose picture is grabbed.
#   test_deb.sh BUILD_DIR SOURCE_DIR IMAGE_CHECK
set -eu
build_dir=$1
source_dir=$2
image_check=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
need() {
  command -v "$1" >/dev/null || fail "$1 is missing (Debian package $2; ./dev installs it)"
}
need dpkg-deb dpkg
need appstreamcli appstream
need desktop-file-validate desktop-file-utils
need update-desktop-database desktop-file-utils
need update-mime-database shared-mime-info
need readelf binutils
need gio libglib2.0-bin
need xvfb-run xvfb

# --- The package --------------------------------------------------------------------------
(cd "$build_dir" && cpack -G DEB -B "$work/cpack" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack could not make the package"; }
deb=$(ls "$work"/cpack/*.deb)
version=$(dpkg-deb -f "$deb" Version)
contents=$(dpkg-deb -c "$deb")
icons=""
for size in 16 24 32 48 64 128 256 512; do
  icons="$icons ./usr/share/icons/hicolor/${size}x${size}/apps/lantern.png"
done
for path in ./usr/bin/lantern ./usr/bin/lantern-cli ./usr/share/applications/lantern.desktop \
            ./usr/share/mime/packages/lantern.xml ./usr/share/icons/hicolor/scalable/apps/lantern.svg \
            ./usr/share/man/man1/lantern.1.gz ./usr/share/man/man1/lantern-cli.1.gz $icons; do
  echo "$contents" | grep -q " $path\$" || fail "missing from the package: $path"
done
files="$work/files"
dpkg-deb -x "$deb" "$files"
share="$files/usr/share"

# --- Desktop entry and AppStream metadata -------------------------------------------------
desktop="$share/applications/lantern.desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects lantern.desktop"
grep -qx 'Exec=lantern %F' "$desktop" || fail "the desktop entry does not run 'lantern %F'"
for type in inode/directory application/x-tensorboard-events; do
  grep '^MimeType=' "$desktop" | tr '=;' '\n\n' | grep -qx "$type" ||
    fail "the desktop entry does not open $type"
done
metainfo=$(ls "$share"/metainfo/*.metainfo.xml)
id=$(basename "$metainfo" .metainfo.xml)
grep -q "<id>$id</id>" "$metainfo" || fail "$metainfo is not named after its id"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli rejects $metainfo"
grep -q "<release version=\"$version\" date=" "$metainfo" ||
  fail "the AppStream release is not the package's version $version"
grep -q '<content_rating type="oars-1.1"' "$metainfo" || fail "no content rating"
screenshots=$(sed -n 's|.*<image>.*/\([^/<]*\)</image>.*|\1|p' "$metainfo")
[ -n "$screenshots" ] || fail "the metainfo shows no screenshot"
[ "$(grep -c '<caption>' "$metainfo")" -eq "$(grep -c '<screenshot[ >]' "$metainfo")" ] ||
  fail "a screenshot in the metainfo has no caption"
for name in $screenshots; do
  [ -f "$source_dir/docs/screenshots/$name" ] || fail "screenshot $name is not in docs/screenshots"
done

# --- Event files' MIME type, and what opens them ------------------------------------------
update-mime-database "$share/mime" >/dev/null 2>&1 || fail "update-mime-database rejects lantern.xml"
for glob in 'events.out.tfevents.*' '*.tfevents.*'; do
  cut -d: -f2- "$share/mime/globs2" | grep -qxF "application/x-tensorboard-events:$glob" ||
    fail "shared-mime-info does not give event files ($glob) their type"
done
update-desktop-database "$share/applications"
for type in inode/directory application/x-tensorboard-events; do
  grep -qx "$type=lantern.desktop;" "$share/applications/mimeinfo.cache" ||
    fail "file managers would not offer Lantern for $type"
done

# --- Icons and man pages ------------------------------------------------------------------
for icon in $icons; do
  size=$(basename "$(dirname "$(dirname "$icon")")" | cut -dx -f1)
  "$image_check" "$files/$icon" "$size" "$size" 8 >/dev/null || fail "icon $icon"
done
for program in lantern lantern-cli; do
  page="$share/man/man1/$program.1.gz"
  gzip -t "$page" || fail "$page is not gzipped"
  gzip -dc "$page" | grep -q "^\\.TH $(echo "$program" | tr a-z A-Z) \"1\"" ||
    fail "$page has no man page header"
done
gzip -dc "$share/man/man1/lantern.1.gz" | grep -q 'logdir' || fail "lantern(1) lacks --logdir"
gzip -dc "$share/man/man1/lantern-cli.1.gz" | grep -q 'inspect' || fail "lantern-cli(1) lacks inspect"

# --- Depends against the libraries the binaries load --------------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
depends_names=$(echo "$depends" | tr ',|' '\n\n' | sed 's/(.*)//; s/ //g; /^$/d')
# The package that installed a file; ldd may name /lib/... for a file dpkg knows as /usr/lib/...
package_of() {
  for candidate in "$1" "${1#/usr}" "/usr$1"; do
    owner=$(dpkg -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1) && [ -n "$owner" ] &&
      { echo "$owner"; return; }
  done
  fail "no installed package owns $1"
}
for binary in lantern lantern-cli; do
  path="$files/usr/bin/$binary"
  ldd "$path" >"$work/ldd" || fail "ldd $binary"
  ! grep -q 'not found' "$work/ldd" || { cat "$work/ldd" >&2; fail "$binary misses libraries"; }
  for library in $(readelf -d "$path" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    # "libX.so.1 => /path/libX.so.1 (address)", or for the dynamic loader "/path/ld.so (address)"
    resolved=$(awk -v name="$library" '$1 == name { print $3 }
      substr($1, length($1) - length(name)) == "/" name { print $1 }' "$work/ldd")
    [ -n "$resolved" ] || fail "$binary needs $library, which ldd does not resolve"
    owner=$(package_of "$resolved")
    echo "$depends_names" | grep -qx "$owner" ||
      fail "$binary loads $library from $owner, which Depends does not name: $depends"
  done
done
# Qt loads its platform plugin at run time: no ldd shows it, and the app needs one to start.
xcb=$(ls /usr/lib/*/qt6/plugins/platforms/libqxcb.so | head -n1)
echo "$depends_names" | grep -qx "$(package_of "$xcb")" ||
  fail "Depends lacks the package of Qt's xcb plugin: $depends"

# --- dpkg -i into a fresh root ------------------------------------------------------------
root="$work/root"
admin="$root/var/lib/dpkg"
mkdir -p "$admin/info" "$admin/updates" "$admin/triggers"
touch "$admin/available"
for name in $depends_names; do
  dpkg-query -s "$name" 2>/dev/null | grep -q '^Status: install ok installed' || continue
  { dpkg-query -s "$name"; echo; } >>"$admin/status"
done
touch "$admin/status"
install_as=""
if [ "$(id -u)" -ne 0 ]; then
  # dpkg gives the files to root; fakeroot lets a developer do that in a scratch folder.
  if command -v fakeroot >/dev/null; then
    install_as="fakeroot"
  else
    install_as="none"
  fi
fi
if [ "$install_as" = none ]; then
  echo "SKIPPED: dpkg -i into a fresh root needs root or fakeroot; running the extracted files"
  root="$files"
else
  PATH="$PATH:/usr/sbin:/sbin" $install_as dpkg --root="$root" --log="$work/dpkg.log" \
    --force-not-root -i "$deb" >"$work/dpkg.out" 2>&1 ||
    { cat "$work/dpkg.out" >&2; fail "dpkg -i into a fresh root failed"; }
  status=$(dpkg-query --admindir="$admin" -W -f '${Status}' lantern)
  [ "$status" = "install ok installed" ] || fail "dpkg says the package is '$status'"
  [ -x "$root/usr/bin/lantern" ] || fail "dpkg -i installed no usr/bin/lantern"
fi

# --- The installed app, started as its desktop entry says ---------------------------------
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache"
mkdir -p -m 700 "$work/home/runtime"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/home/runtime"
"$root/usr/bin/lantern-cli" gen "$work/logs" --runs 2 --tags 3 --steps 200 >/dev/null ||
  fail "the installed lantern-cli cannot generate a log directory"
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/lantern.desktop")
event_file=$(ls "$work"/logs/*/events.out.tfevents.* | head -n1)
for opened in "$work/logs" "$event_file"; do
  shot="$work/opened-$(basename "$opened" | cut -c1-24).png"
  # The Exec line with %F replaced by what the file manager passes, found on PATH.
  command=$(echo "$exec_line" | sed "s|%F|'$opened'|")
  eval "PATH=\"$root/usr/bin:\$PATH\" $command --screenshot '$shot' --tab scalars --size 1200x750" ||
    fail "the installed lantern did not show the scalars of $opened"
  "$image_check" "$shot" 1200 750 64 || fail "the installed lantern's window is not a picture"
  # To look at them: LANTERN_KEEP_SCREENSHOTS=DIR ctest -R package_deb
  [ -z "${LANTERN_KEEP_SCREENSHOTS:-}" ] || cp "$shot" "$LANTERN_KEEP_SCREENSHOTS/"
done
# --- Started from its desktop entry, as a file manager starts it ---------------------------
# gio reads the entry (Exec, %F) and starts the app with the folder; nothing here can ask that
# app for a screenshot, so image_check grabs the X screen once the window has settled. The app
# is found by its executable's path, which only this test's copy has: its arguments must be the
# folder (what %F became), then it is ended (it would die with the X server in any case).
launched="$work/launched-from-desktop-entry.png"
cat >"$work/launch.sh" <<EOF
unset QT_QPA_PLATFORM
PATH="$root/usr/bin:\$PATH" gio launch "$root/usr/share/applications/lantern.desktop" "$work/logs"
"$image_check" --grab "$launched" 60 64 || exit 1
for process in /proc/[0-9]*; do
  if [ "\$(readlink "\$process/exe" 2>/dev/null)" = "$root/usr/bin/lantern" ]; then
    arguments=\$(tr '\0' '\n' <"\$process/cmdline" | tail -n +2)
    kill "\${process#/proc/}"
  fi
done
[ "\${arguments:-}" = "$work/logs" ] || { echo "gio ran lantern with '\${arguments:-}'" >&2; exit 1; }
EOF
xvfb-run -a -s "-screen 0 1280x800x24" sh "$work/launch.sh" ||
  fail "the app started from its desktop entry by gio launch drew no window"
[ -z "${LANTERN_KEEP_SCREENSHOTS:-}" ] || cp "$launched" "$LANTERN_KEEP_SCREENSHOTS/"
echo "package ok: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB; Depends: $depends"
