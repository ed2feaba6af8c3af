#!/usr/bin/env python3
"""Damages clean.log the three ways seen in the seed incidents and writes the results beside it.

Each damage is UTF-8 bytes read through a legacy 8-bit code page and saved again as UTF-8:
  cp1252.log    Windows-1252; its five undefined bytes (81 8D 8F 90 9D) are dropped: 🔍 -> ðŸ”, ❌ -> âŒ
  cp1254.log    Windows-1254 (Turkish); undefined bytes dropped:                        🔍 -> ğŸ”
  macroman.log  Mac Roman; byte F0 (the Apple logo, U+F8FF, private use) is dropped:    🔍 -> üîç, ✅ -> ‚úÖ
Run from anywhere: python3 Samples/mojibake/make.py
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
DAMAGES = (("cp1252.log", "cp1252"), ("cp1254.log", "cp1254"), ("macroman.log", "mac_roman"))


def damage(data, codec):
    text = data.decode(codec, errors="ignore")
    if codec == "mac_roman":
        text = text.replace("\uf8ff", "")
    return text.encode("utf-8")


def main():
    with open(os.path.join(HERE, "clean.log"), "rb") as f:
        clean = f.read()
    for name, codec in DAMAGES:
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(damage(clean, codec))
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
