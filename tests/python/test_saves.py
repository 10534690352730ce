"""Saves under concurrency and faults: two processes saving the same plan path while a reader
reads it, and a saving process killed at random moments. Every read must see a whole file (one
of the texts saved), no save may fail, and no temporary file may stay behind (docs/files.md)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import dtiplan

# A writer process: saves the built-in plan (its title changed to TITLE) to PATH again and again
# until DEADLINE, then prints how many saves it made and how many failed.
WRITER = """
import json, sys, time
import dtiplan
path, title, deadline = sys.argv[1], sys.argv[2], float(sys.argv[3])
plan = dtiplan.builtin_plan()
plan.title = title
saves = errors = 0
while time.time() < deadline:
    try:
        dtiplan.save_plan(plan, path)
        saves += 1
    except dtiplan.Error:
        errors += 1
print(json.dumps({"saves": saves, "errors": errors}))
"""

TITLES = ("Kế hoạch nâng cao DTI xã Đại Phước (bản A)", "Kế hoạch của Phòng VH-XH (bản B)")


def _text_of(title: str, tmp: Path) -> bytes:
    plan = dtiplan.builtin_plan()
    plan.title = title
    dtiplan.save_plan(plan, tmp)
    return tmp.read_bytes()


def race(folder: Path, seconds: float) -> dict[str, Any]:
    """Two processes save the same path for ``seconds`` while this one reads it: how many reads
    saw a whole file, how many a torn one (empty, mixed or missing), and the writers' counts."""
    path = folder / "ke-hoach.json"
    wholes = {_text_of(t, folder / f"mau-{i}.json") for i, t in enumerate(TITLES)}
    deadline = time.time() + seconds + 1.0  # the writers start in about a second
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), title, str(deadline)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for title in TITLES
    ]
    reads = torn = 0
    while time.time() < deadline:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            if reads == 0:
                continue  # before the first save
            data = b""
        reads += 1
        torn += data not in wholes
    counts = [json.loads(w.communicate(timeout=60)[0]) for w in writers]
    leftovers = sorted(p.name for p in folder.iterdir() if p.name.startswith(".ke-hoach"))
    return {
        "reads": reads,
        "torn": torn,
        "saves": sum(c["saves"] for c in counts),
        "save_errors": sum(c["errors"] for c in counts),
        "leftovers": leftovers,
    }


def test_two_processes_saving_the_same_path_never_tear_it(tmp_path: Path) -> None:
    result = race(tmp_path, 3.0)
    assert result["reads"] > 100 and result["saves"] > 20, result
    assert result["torn"] == 0, result
    assert result["save_errors"] == 0, result
    assert result["leftovers"] == [], result


def kill_while_saving(folder: Path, rounds: int, seed: int = 20261202) -> dict[str, Any]:
    """A process saving in a loop is killed (SIGKILL) at a random moment, ``rounds`` times;
    after each kill the file must be whole. Returns the counts and the temporary files found
    after the kills and after the next save."""
    rng = random.Random(seed)
    path = folder / "ke-hoach.json"
    wholes = {_text_of(t, folder / f"mau-{i}.json") for i, t in enumerate(TITLES)}
    dtiplan.save_plan(dtiplan.plan_from_json((folder / "mau-0.json").read_text("utf-8")), path)
    whole = temporaries = 0
    for k in range(rounds):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), TITLES[k % 2], str(time.time() + 60)],
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.4 + rng.random() * 0.3)  # the import takes about 0.4 s; then saves
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        whole += path.read_bytes() in wholes
        temporaries += sum(1 for p in folder.iterdir() if p.name.startswith(".ke-hoach"))
    # The next save removes what the killed saves left.
    dtiplan.save_plan(dtiplan.load_plan(path), path)
    after = sorted(p.name for p in folder.iterdir() if p.name.startswith(".ke-hoach"))
    return {"rounds": rounds, "whole": whole, "temporaries_seen": temporaries, "after": after}


def test_a_save_killed_at_random_moments_leaves_a_whole_file(tmp_path: Path) -> None:
    result = kill_while_saving(tmp_path, 10)
    assert result["whole"] == result["rounds"], result
    assert result["after"] == [], result


def test_a_save_keeps_the_mode_and_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    plan = dtiplan.builtin_plan()
    target = tmp_path / "ban-goc" / "ke-hoach.json"
    target.parent.mkdir()
    dtiplan.save_plan(plan, target)
    target.chmod(0o444)
    link = tmp_path / "ke-hoach-moi-nhat.json"
    link.symlink_to(Path("ban-goc") / "ke-hoach.json")
    plan.title = "Kế hoạch đã sửa"
    dtiplan.save_plan(plan, link)
    assert link.is_symlink()  # the link stays a link ...
    assert dtiplan.load_plan(target).title == "Kế hoạch đã sửa"  # ... and its target changed
    assert target.stat().st_mode & 0o777 == 0o444
    assert os.listdir(target.parent) == ["ke-hoach.json"]
