"""Whole-process timing for the benchmarks: interleaved runs, medians, peak memory.

Commands compared with each other run in turns within one loop (floor, tool, floor,
tool, ...), so a burst of load from other processes on a shared machine falls on all of
them alike instead of on whichever happened to run during it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass
class Timed:
    """Wall times (ms) and peak resident memory (MB) of repeated runs of one command."""

    label: str
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak(self) -> float:
        return max(self.peaks)


def run_once(argv: Sequence[str], env: Mapping[str, str]) -> tuple[float, float, int, bytes]:
    """Wall time in ms, peak RSS in MB, exit code and stderr of one run of ``argv``."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(env))
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, err


Case = tuple[str, Sequence[str], Callable[[], Mapping[str, str]]]


def interleaved(cases: Sequence[Case], runs: int, warmup: int = 1) -> list[Timed]:
    """Run every case ``runs`` times in turns; each case's env is made fresh per run."""
    results = [Timed(label) for label, _, _ in cases]
    for round_ in range(warmup + runs):
        for (label, argv, env), timed in zip(cases, results, strict=True):
            ms, mb, code, err = run_once(argv, env())
            if code != 0:
                raise SystemExit(f"{label}: {' '.join(argv)} failed ({code}): {err[-400:]!r}")
            if round_ >= warmup:
                timed.times.append(ms)
                timed.peaks.append(mb)
    return results


def load() -> str:
    """The 1, 5 and 15 minute load averages, as the machine reports them."""
    return "/".join(f"{x:.2f}" for x in os.getloadavg())
