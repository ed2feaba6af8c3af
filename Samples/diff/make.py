#!/usr/bin/env python3
"""Derives the diff samples from Samples/incident-000/working-flow.log (byte-for-byte reproducible).

slow-users-select.log: the same successful generation, but the users SELECT (line 18, its HTTP
response) comes 30 s after the query was sent (line 17) instead of 11 ms: a connection pool stall.
Every later time moves by 30 s, and the request's duration (line 62) grows to match.

reordered-deduction.log: the same generation where the credit deduction (lines 33-52) runs after
the generation was submitted to fal.ai (lines 53-55) instead of before it; each line keeps the
time of the position it moved to.
"""
import datetime
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent / "incident-000" / "working-flow.log"
STALL_MS = 30_000


def shift(line: str, milliseconds: int) -> str:
    stamp = datetime.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
    stamp += datetime.timedelta(milliseconds=milliseconds)
    return stamp.strftime("%Y-%m-%d %H:%M:%S,") + f"{stamp.microsecond // 1000:03d}" + line[23:]


def main() -> None:
    lines = SOURCE.read_text(encoding="utf-8").splitlines(keepends=True)
    slow = lines[:17] + [shift(line, STALL_MS) for line in lines[17:]]
    slow[61] = slow[61].replace("- 201 - 523ms", f"- 201 - {523 + STALL_MS}ms")
    (HERE / "slow-users-select.log").write_text("".join(slow), encoding="utf-8")

    # Lines 33-52 (index 32..51) are the deduction, 53-55 (index 52..54) the submission.
    deduction, submission = lines[32:52], lines[52:55]
    moved = lines[:32] + submission + deduction + lines[55:]
    # Each line keeps the time of the position it moves to, so the log's times still ascend.
    reordered = [original[:23] + line[23:] for original, line in zip(lines, moved)]
    (HERE / "reordered-deduction.log").write_text("".join(reordered), encoding="utf-8")


if __name__ == "__main__":
    main()
