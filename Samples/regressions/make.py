#!/usr/bin/env python3
"""Builds the regression fixtures of `flowtrace check Samples/regressions` from the other samples,
reproducibly (copies; gzip with mtime 0, level 6, fixed names). The expectation files beside them
(NAME.expect.yaml) are not written here: `flowtrace check --update Samples/regressions` writes them
from the current findings, and a person reviews the diff.

  rules/    one fixture per built-in rule (basicConfig), from failures/ and incident-000/
  healthy/  healthy flows that only look alarming: no finding allowed
  formats/  the seed-000 incident in other layouts and encodings
  gzip/     gzip members, gzip under a .log name, gzip of JSON lines, a truncated gzip
Run from anywhere: python3 Samples/regressions/make.py
"""

import gzip
import io
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)

COPIES = {
    "rules/anon-client-fallback.log": "failures/profile-lookup-error.log",
    "rules/rls-denial.log": "failures/rls-insert-denied.log",
    "rules/service-key-rejected.log": "failures/service-key-rejected.log",
    "rules/deduction-without-transaction.log": "failures/deduction-without-transaction.log",
    "rules/deduction-without-transaction-missing-grant.log": "failures/permission-denied-credit-transactions.log",
    "rules/generation-without-deduction.log": "failures/generation-without-deduction.log",
    "rules/user-not-found-despite-balance.log": "incident-000/balance-works-generation-fails.log",
    "healthy/anon-first-then-service.log": "healthy/anon-first-then-service.log",
    "healthy/auto-recovery-profile-created.log": "healthy/auto-recovery-profile-created.log",
    "healthy/retry-after-503.log": "healthy/retry-after-503.log",
    "healthy/working-flow.log": "incident-000/working-flow.log",
    "healthy/working-flow-json.jsonl": "incident-000/working-flow.jsonl",
    "formats/json-lines.jsonl": "formats/json-lines.jsonl",
    "formats/console-ansi.log": "formats/console-ansi.log",
    "formats/cri-container.log": "formats/cri-container.log",
    "formats/python-default.log": "formats/python-default.log",
    "formats/request-tracking.log": "formats/request-tracking.log",
    "formats/crlf.log": "formats/crlf.log",
    "formats/bare-ticket.log": "formats/bare-ticket.txt",
    "formats/mojibake-cp1254.log": "mojibake/cp1254.log",
    "formats/mojibake-macroman.log": "mojibake/macroman.log",
    "gzip/rotated.log.gz": "gzip/rotated.log.gz",
    "gzip/actually-gzip.log": "gzip/actually-gzip.log",
    "gzip/truncated.log.gz": "gzip/truncated.log.gz",
}

GZIPPED = {
    "gzip/failing-flow.jsonl.gz": "incident-000/failing-flow.jsonl",
    "gzip/retry-after-503.log.gz": "healthy/retry-after-503.log",
}


def gzipped(path):
    with open(path, "rb") as f:
        data = f.read()
    buf = io.BytesIO()
    with gzip.GzipFile(filename=os.path.basename(path), mode="wb", compresslevel=6, fileobj=buf, mtime=0) as z:
        z.write(data)
    return buf.getvalue()


def main():
    for target, source in COPIES.items():
        os.makedirs(os.path.dirname(os.path.join(HERE, target)), exist_ok=True)
        shutil.copyfile(os.path.join(SAMPLES, source), os.path.join(HERE, target))
    for target, source in GZIPPED.items():
        with open(os.path.join(HERE, target), "wb") as f:
            f.write(gzipped(os.path.join(SAMPLES, source)))
    print(f"{len(COPIES) + len(GZIPPED)} fixtures")


if __name__ == "__main__":
    main()
