"""How long ``cis-facts mcp`` takes to start and to answer, through the SDK's stdio client.
Run by hand (needs the mcp extra):

    .venv/bin/python benchmarks/mcp_session.py [--runs 5] [--calls 20]

Per run: the time from launching the server to the end of ``initialize``, then the median of
``--calls`` calls of each tool. Medians over the runs are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import load

CALLS: dict[str, dict[str, Any]] = {
    "search": {"query": "When did Georgia leave the CIS?"},
    "show": {"id": "rank-uranium"},
    "cite": {"id": "rank-uranium"},
    "members_on": {"date": "2005-09-01"},
    "timeline": {"start": "1991", "end": "1993"},
}


async def run(calls: int) -> dict[str, float]:
    params = StdioServerParameters(command=sys.executable, args=["-m", "cis_facts", "mcp"])
    started = time.perf_counter()
    timed: dict[str, float] = {}
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        timed["start + initialize"] = time.perf_counter() - started
        for tool, arguments in CALLS.items():
            laps = []
            for _ in range(calls):
                lap = time.perf_counter()
                result = await session.call_tool(tool, arguments)
                laps.append(time.perf_counter() - lap)
                assert not result.is_error, result.content
            timed[tool] = statistics.median(laps)
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20)
    options = parser.parse_args()
    print(f"load averages {load()}; {options.runs} runs, {options.calls} calls per tool")
    results = [anyio.run(run, options.calls) for _ in range(options.runs)]
    for name in results[0]:
        print(f"{statistics.median(r[name] for r in results) * 1000:8.1f} ms  {name}")


if __name__ == "__main__":
    main()
