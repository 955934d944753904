#!/usr/bin/env bash
# Install redaction for the current user, without root. Shipped inside the Linux archive:
#
#     tar -xzf redaction-0.1.0-linux-x86_64.tar.gz && ./redaction/install.sh
#
# It copies the unpacked folder to ~/.local/opt/redaction (replacing an earlier version), links
# ~/.local/bin/redaction to it, and installs the menu entry, icons and AppStream metainfo under
# ~/.local/share. Run it again to upgrade; `install.sh --uninstall` removes all of it (your
# articles database and settings are left alone).
#
# Environment: PREFIX (default ~/.local), XDG_DATA_HOME (default $PREFIX/share).
set -euo pipefail

APP_ID="io.github.redaction.Redaction"
ICON="redaction"
PREFIX="${PREFIX:-$HOME/.local}"
DATA="${XDG_DATA_HOME:-$PREFIX/share}"
OPT="$PREFIX/opt/redaction"
BIN_LINK="$PREFIX/bin/redaction"
DESKTOP="$DATA/applications/$APP_ID.desktop"
METAINFO="$DATA/metainfo/$APP_ID.metainfo.xml"
HICOLOR="$DATA/icons/hicolor"

say() { printf '%s\n' "$*"; }
put() { mkdir -p "$(dirname "$2")" && cp "$1" "$2" && chmod 644 "$2"; }  # install -D, portably
die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }

refresh_caches() {  # best effort: menus pick the entry up without a log-out
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [[ -f "$HICOLOR/index.theme" ]]; then
        gtk-update-icon-cache -q -t -f "$HICOLOR" 2>/dev/null || true
    fi
}

uninstall() {
    rm -rf "$OPT"
    [[ -L "$BIN_LINK" ]] && rm -f "$BIN_LINK"
    rm -f "$DESKTOP" "$METAINFO"
    rm -f "$HICOLOR"/*/apps/"$ICON".png "$HICOLOR/scalable/apps/$ICON.svg"
    refresh_caches
    say "redaction removed (your databases and settings were not touched)."
}

case "${1:-}" in
    --uninstall) uninstall; exit 0 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    "") ;;
    *) die "unknown option: $1 (try --help)" ;;
esac

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -x "$SRC/redaction" ]] || die "run install.sh from the unpacked redaction folder ($SRC/redaction is missing)"
if [[ -d "$SRC/_internal/resources" ]]; then
    RES="$SRC/_internal/resources"
elif [[ -d "$SRC/resources" ]]; then
    RES="$SRC/resources"
else
    die "no resources folder in $SRC: the archive is incomplete"
fi
if [[ "$SRC" == "$OPT" ]]; then
    die "this is the installed copy already; run install.sh from a freshly unpacked archive"
fi

# Copy next to the old version, then swap, so a failed copy leaves the old install working.
mkdir -p "$PREFIX/opt" "$PREFIX/bin"
STAGING="$OPT.new.$$"
trap 'rm -rf "$STAGING"' EXIT
cp -R "$SRC" "$STAGING"
rm -rf "$OPT.old.$$"
[[ -e "$OPT" ]] && mv "$OPT" "$OPT.old.$$"
mv "$STAGING" "$OPT"
rm -rf "$OPT.old.$$"
ln -sfn "$OPT/redaction" "$BIN_LINK"

# Menu entry: point Exec at the installed binary, since ~/.local/bin is not on every session's PATH.
mkdir -p "$(dirname "$DESKTOP")"
sed -e "s|^Exec=redaction|Exec=$OPT/redaction|" -e "s|^TryExec=redaction|TryExec=$OPT/redaction|" \
    "$RES/$APP_ID.desktop" >"$DESKTOP"
chmod 644 "$DESKTOP"

for png in "$RES"/icons/"$ICON"-*.png; do
    size="${png##*-}"; size="${size%.png}"
    put "$png" "$HICOLOR/${size}x${size}/apps/$ICON.png"
done
put "$RES/icons/$ICON.svg" "$HICOLOR/scalable/apps/$ICON.svg"
put "$RES/$APP_ID.metainfo.xml" "$METAINFO"

refresh_caches

say "redaction installed in $OPT"
say "  command:    $BIN_LINK"
say "  menu entry: $DESKTOP"
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) say "note: $PREFIX/bin is not on your PATH; add it to run 'redaction' from a terminal." ;;
esac
