"""Render the app icon's PNG, ICO and ICNS files from resources/icons/redaction.svg.

Run it after changing the SVG and commit what it writes (the build does not run it):

    .venv/bin/python packaging/make_icons.py

PNGs are drawn by Qt's own SVG renderer, so they match what the running app shows; the
multi-size .ico (Windows) and .icns (macOS) are assembled from those PNGs with Pillow, which
is in the ``build`` extra.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
ICON_NAME = "redaction"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ICON_DIR / f"{ICON_NAME}.svg")
    parser.add_argument("--out", type=Path, default=ICON_DIR)
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    scratch = args.out / ".render"
    scratch.mkdir(exist_ok=True)
    try:
        rendered: dict[int, Path] = {}
        for size in sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)):
            target = args.out / f"{ICON_NAME}-{size}.png" if size in PNG_SIZES else scratch / f"{size}.png"
            render_png(args.svg, size, target)
            rendered[size] = target
            if size in PNG_SIZES:
                print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        # Each size drawn from the vector, not downscaled from the biggest bitmap: sharper at 16 px.
        images = {size: Image.open(path).convert("RGBA") for size, path in rendered.items()}
        ico = args.out / f"{ICON_NAME}.ico"
        biggest = images[max(ICO_SIZES)]
        biggest.save(
            ico,
            format="ICO",
            sizes=[(s, s) for s in ICO_SIZES],
            append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
        )
        print(f"wrote {ico.name} ({', '.join(map(str, ICO_SIZES))})")
        icns = args.out / f"{ICON_NAME}.icns"
        images[max(ICNS_SIZES)].save(
            icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
        )
        print(f"wrote {icns.name} ({', '.join(map(str, ICNS_SIZES))})")
    finally:
        for leftover in scratch.glob("*.png"):
            leftover.unlink()
        scratch.rmdir()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
