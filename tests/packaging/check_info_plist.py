#!/usr/bin/env python3
"""A configuration check of Lantern.app's Info.plist (written by packaging/bundle.cmake on every
host): macOS is not at hand here, so this reads the file as macOS would (plistlib parses the same
XML property list format) and checks the keys Finder and Launch Services use.

    check_info_plist.py PLIST BUNDLE_ID VERSION EXECUTABLE ICNS_NAME
"""
import plistlib
import re
import sys

ROLES = {"Editor", "Viewer", "Shell", "None"}
RANKS = {"Owner", "Default", "Alternate", "None"}


def problems(plist, bundle_id, version, executable, icns):
    if not isinstance(plist, dict):
        yield "the top level is not a dictionary"
        return
    expected = {
        "CFBundleIdentifier": bundle_id,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleExecutable": executable,
        "CFBundleIconFile": icns,
        "CFBundlePackageType": "APPL",
    }
    for key, value in expected.items():
        if plist.get(key) != value:
            yield f"{key} is {plist.get(key)!r}, not {value!r}"
    if not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", bundle_id):
        yield f"the bundle id {bundle_id!r} is not in reverse-DNS form"
    if not re.fullmatch(r"\d+(\.\d+){0,2}", version):
        yield f"the version {version!r} is not the numbers macOS expects"
    types = plist.get("CFBundleDocumentTypes")
    if not isinstance(types, list) or not types:
        yield "no CFBundleDocumentTypes: Finder would offer Lantern for nothing"
        return
    for number, entry in enumerate(types):
        name = entry.get("CFBundleTypeName", f"document type {number}")
        role, rank = entry.get("CFBundleTypeRole"), entry.get("LSHandlerRank", "Default")
        if role not in ROLES:
            yield f"{name}: CFBundleTypeRole {role!r} is not one of {sorted(ROLES)}"
        if rank not in RANKS:
            yield f"{name}: LSHandlerRank {rank!r} is not one of {sorted(RANKS)}"
        content = entry.get("LSItemContentTypes")
        if not isinstance(content, list) or not content:
            yield f"{name}: no LSItemContentTypes"
    handled = {kind for entry in types for kind in entry.get("LSItemContentTypes", [])}
    if "public.folder" not in handled:
        yield "folders (public.folder) are not among the document types"


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    path, bundle_id, version, executable, icns = sys.argv[1:]
    with open(path, "rb") as file:
        text = file.read()
    found = [f"{name.decode()} was not replaced" for name in re.findall(rb"@[A-Z_]+@", text)]
    try:
        plist = plistlib.loads(text, fmt=plistlib.FMT_XML)
    except Exception as error:  # plistlib raises several kinds for malformed files
        sys.exit(f"FAIL: {path} is not a property list: {error}")
    found += problems(plist, bundle_id, version, executable, icns)
    for problem in found:
        print(f"FAIL: {path}: {problem}", file=sys.stderr)
    if found:
        sys.exit(1)
    print(f"{path}: a valid property list; {len(plist['CFBundleDocumentTypes'])} document types")


if __name__ == "__main__":
    main()
