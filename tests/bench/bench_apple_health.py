"""Apple Health import benchmark: a generated ~1 GB export.xml through the real server.

Run: ``.venv/bin/python tests/bench/bench_apple_health.py [--gigabytes 1.0] [--zip]``.
Writes an export with years of step, heart-rate, energy, weight, food, sleep and
workout records to a temporary directory, starts ``healthhub serve`` on SQLite,
sends the file to ``importFile`` (multipart, streamed) and prints the time taken
and the server's peak RSS (VmHWM of its processes). Target: under 300 MB.
Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.support.server import running_server

MUTATION = """mutation($file: Upload!) { importFile(file: $file) {
  status source rowsRead rowsInserted kpiDaysRecomputed warnings errorCount } }"""
_STEP = (
    '<Record type="HKQuantityTypeIdentifierStepCount" sourceName="{src}" sourceVersion="17.3" '
    'unit="count" creationDate="{d} {t} +0100" startDate="{d} {t} +0100" '
    'endDate="{d} {t} +0100" value="{v}"/>\n'
)
_HEART = (
    '<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Apple Watch" '
    'sourceVersion="10.3" unit="count/min" creationDate="{d} {t} +0100" '
    'startDate="{d} {t} +0100" endDate="{d} {t} +0100" value="{v}">\n'
    ' <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n</Record>\n'
)
_DAY = (
    '<Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Withings" unit="kg" '
    'creationDate="{d} 07:01:00 +0100" startDate="{d} 07:00:00 +0100" '
    'endDate="{d} 07:00:00 +0100" value="{w}"/>\n'
    '<Record type="HKQuantityTypeIdentifierDietaryEnergyConsumed" sourceName="MyFitnessPal" '
    'unit="kcal" creationDate="{d} 13:00:00 +0100" startDate="{d} 13:00:00 +0100" '
    'endDate="{d} 13:00:00 +0100" value="2150"/>\n'
    '<Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Apple Watch" '
    'creationDate="{d} 07:00:00 +0100" startDate="{p} 23:30:00 +0100" '
    'endDate="{d} 06:45:00 +0100" value="HKCategoryValueSleepAnalysisAsleepCore"/>\n'
    '<Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="40" '
    'durationUnit="min" sourceName="Apple Watch" creationDate="{d} 18:45:00 +0100" '
    'startDate="{d} 18:00:00 +0100" endDate="{d} 18:40:00 +0100">\n'
    ' <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" '
    'startDate="{d} 18:00:00 +0100" endDate="{d} 18:40:00 +0100" sum="390" unit="kcal"/>\n'
    "</Workout>\n"
)


def write_export(path: Path, target_bytes: int) -> int:
    """Write an export of about ``target_bytes``; returns the number of days it covers."""
    first = date(2007, 1, 1)  # about 1 GB of days ends before today
    times = [f"{h:02}:{m:02}:00" for h in range(7, 23) for m in range(0, 60, 5)]
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n')
        out.write('<ExportDate value="2026-03-01 08:00:00 +0100"/>\n')
        day_index = 0
        while out.tell() < target_bytes:
            day = first + timedelta(days=day_index)
            d, p = day.isoformat(), (day - timedelta(days=1)).isoformat()
            chunk = [_DAY.format(d=d, p=p, w=80 + (day_index % 30) / 10)]
            for i, t in enumerate(times):
                chunk.append(_STEP.format(src="iPhone", d=d, t=t, v=40 + i % 17))
                chunk.append(_STEP.format(src="Apple Watch", d=d, t=t, v=45 + i % 13))
                chunk.append(_HEART.format(d=d, t=t, v=60 + i % 40))
            out.write("".join(chunk))
            day_index += 1
        out.write("</HealthData>\n")
    return day_index


def peak_rss_kib(root_pid: int) -> int:
    """The largest VmHWM among the server process and its children, in KiB."""
    peak = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # After the command name, which may hold spaces and parentheses: state, ppid, pgrp.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) != root_pid and int(entry.name) != root_pid:  # process group id
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]))
    return peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--zip", action="store_true", help="send export.zip instead of the XML")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "export.xml"
        started = time.perf_counter()
        days = write_export(export, int(args.gigabytes * 1e9))
        print(
            f"generated {export.stat().st_size / 1e9:.2f} GB, {days} days "
            f"in {time.perf_counter() - started:.0f} s"
        )
        upload = export
        if args.zip:
            upload = folder / "export.zip"
            with zipfile.ZipFile(upload, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(export, "apple_health_export/export.xml")
            export.unlink()
            print(f"zipped to {upload.stat().st_size / 1e6:.0f} MB")
        database = f"sqlite:///{folder / 'bench.db'}"
        with running_server(database, folder / "server.log") as server:
            assert server._process is not None
            pid = server._process.pid
            print(f"server idle peak RSS: {peak_rss_kib(pid) / 1024:.0f} MiB")
            operations = {"query": MUTATION, "variables": {"file": None}}
            started = time.perf_counter()
            with upload.open("rb") as file:
                response = httpx.post(
                    f"{server.base_url}/graphql",
                    data={
                        "operations": json.dumps(operations),
                        "map": json.dumps({"0": ["variables.file"]}),
                    },
                    files={"0": (upload.name, file, "application/octet-stream")},
                    headers={"Apollo-Require-Preflight": "1"},
                    timeout=3600,
                )
            elapsed = time.perf_counter() - started
            peak = peak_rss_kib(pid)
        print(json.dumps(response.json(), indent=1)[:1500])
        print(
            f"import of {upload.stat().st_size / 1e9:.2f} GB: {elapsed:.0f} s, "
            f"{upload.stat().st_size / 1e6 / elapsed:.0f} MB/s; server peak RSS "
            f"{peak / 1024:.0f} MiB (target < 300 MB)"
        )


if __name__ == "__main__":
    os.environ.setdefault("HEALTHHUB_LOCK_WAIT_SECONDS", "600")
    main()
