#!/usr/bin/env python3
"""Builds the gzip samples from the plain sources, reproducibly (mtime 0, level 6, fixed names).

  rotated.log.gz     two gzip members, src/rotated-part1.log then src/rotated-part2.log, joined
                     the way `cat a.gz b.gz > rotated.log.gz` joins them; it inflates to both parts.
  actually-gzip.log  ../formats/basic-config.log gzipped under a .log name: detect by magic bytes.
  truncated.log.gz   src/truncated-source.log gzipped, then cut to 55% of its bytes (no trailer).
Run from anywhere: python3 Samples/gzip/make.py
"""

import gzip
import io
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def member(path):
    with open(path, "rb") as f:
        data = f.read()
    buf = io.BytesIO()
    with gzip.GzipFile(filename=os.path.basename(path), mode="wb", compresslevel=6, fileobj=buf, mtime=0) as z:
        z.write(data)
    return buf.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    src = os.path.join(HERE, "src")
    first = member(os.path.join(src, "rotated-part1.log"))
    second = member(os.path.join(src, "rotated-part2.log"))
    write("rotated.log.gz", first + second)
    print(f"rotated.log.gz: members of {len(first)} and {len(second)} bytes; second starts at offset {len(first)}")

    write("actually-gzip.log", member(os.path.join(HERE, "..", "formats", "basic-config.log")))
    print("actually-gzip.log: gzip of formats/basic-config.log")

    whole = member(os.path.join(src, "truncated-source.log"))
    cut = whole[: len(whole) * 55 // 100]
    write("truncated.log.gz", cut)
    got = zlib.decompressobj(wbits=31).decompress(cut)
    complete = got.count(b"\n")
    partial = len(got) - got.rfind(b"\n") - 1
    print(f"truncated.log.gz: {len(cut)} of {len(whole)} bytes; inflates to {len(got)} bytes, "
          f"{complete} complete lines and a partial line of {partial} bytes")


if __name__ == "__main__":
    main()
