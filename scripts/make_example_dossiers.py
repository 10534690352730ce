#!/usr/bin/env python3
"""Make an illustrative dossier export (số liệu minh họa, không phải số liệu chính thức): a year of
administrative dossiers received by the units of Đại Phước that handle procedures, in the
default columns of ``dtiplan dossiers`` (docs/dossiers.md). Standard library only.

How the rows are drawn, from ``random.Random(seed)``:

- receipt days: uniform over the working days (Monday to Friday) from 15/12 of the year before
  to 14/12 of the year, so every reporting window of the year (Nghị định 09) is full;
- procedures: a fixed list per unit with its level of online service (toàn trình, một phần or
  none), processing time in days and fee; the codes are invented ("MH-...");
- channel: online with a probability that rises through the year (45% in the first window to 80%
  in the last) for procedures with an online service, else at the counter (5% by post);
- supplements: 0 (85%), 1 (10%) or 2 (5%) requests; end of processing: on the due date or up to
  two days before (88%), else one to five days after; dossiers received in the last five days
  are still open with a probability of 60%;
- digitised 70-95% by unit, electronic result 85% of finished dossiers, online payment 60% of
  those with a fee filed online;
- planted "nửa vời" cases: 6% of toàn trình dossiers filed online were asked for originals, 3%
  had their result returned at the counter.

``--rows N`` makes N rows instead of the year's natural count (the benchmark's million).
Running it twice with the same seed gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from typing import TextIO

HEADER = [
    "ma_ho_so", "ma_thu_tuc", "ten_thu_tuc", "muc_do", "kenh", "don_vi", "ngay_tiep_nhan",
    "ngay_hen_tra", "ngay_ket_thuc", "ngay_tra", "trang_thai", "so_hoa", "ket_qua_dien_tu",
    "co_phi", "thanh_toan_truc_tuyen", "so_lan_bo_sung", "yeu_cau_ban_chinh", "nhan_ket_qua",
]  # fmt: skip

# unit id, share of dossiers, digitised share, procedures:
# (code, name, level, days to process, has a fee, weight)
UNITS = [
    ("TTPVHCC", 0.62, 0.92, [
        ("MH-001", "Đăng ký khai sinh", "toàn trình", 3, False, 18),
        ("MH-002", "Đăng ký khai tử", "toàn trình", 3, False, 5),
        ("MH-003", "Chứng thực bản sao từ bản chính", "một phần", 1, True, 30),
        ("MH-004", "Chứng thực chữ ký", "một phần", 1, True, 12),
        ("MH-005", "Đăng ký kết hôn", "một phần", 5, False, 6),
        ("MH-006", "Cấp bản sao trích lục hộ tịch", "toàn trình", 2, True, 9),
        ("MH-007", "Xác nhận tình trạng hôn nhân", "toàn trình", 3, False, 8),
    ]),
    ("CAX", 0.18, 0.85, [
        ("MH-101", "Đăng ký thường trú", "toàn trình", 7, True, 40),
        ("MH-102", "Đăng ký tạm trú", "toàn trình", 3, True, 45),
        ("MH-103", "Xác nhận thông tin cư trú", "toàn trình", 1, False, 15),
    ]),
    ("VHXH", 0.12, 0.78, [
        ("MH-201", "Trợ cấp xã hội hằng tháng", "một phần", 10, False, 30),
        ("MH-202", "Cấp thẻ bảo hiểm y tế cho đối tượng bảo trợ", "toàn trình", 5, False, 40),
        ("MH-203", "Xác nhận hộ nghèo, cận nghèo", "", 7, False, 30),
    ]),
    ("PKT", 0.08, 0.70, [
        ("MH-301", "Đăng ký hộ kinh doanh", "toàn trình", 3, True, 50),
        ("MH-302", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "một phần", 15, True, 30),
        ("MH-303", "Xác nhận nguồn gốc đất", "", 10, False, 20),
    ]),
]  # fmt: skip


def working_days(first: dt.date, last: dt.date) -> list[dt.date]:
    days, d = [], first
    while d <= last:
        if d.weekday() < 5:
            days.append(d)
        d += dt.timedelta(days=1)
    return days


def rows(year: int, count: int, seed: int):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    first, last = dt.date(year - 1, 12, 15), dt.date(year, 12, 14)
    days = working_days(first, last)
    span = (last - first).days
    unit_weights = [u[1] for u in UNITS]
    for n in range(1, count + 1):
        received = days[rng.randrange(len(days))]
        unit, _share, digitised_share, procedures = rng.choices(UNITS, unit_weights)[0]
        code, name, level, days_to_do, fee, _w = rng.choices(procedures, [p[5] for p in procedures])[0]
        progress = (received - first).days / span
        if level and rng.random() < 0.45 + 0.35 * progress:
            channel = "trực tuyến"
        else:
            channel = "bưu chính" if rng.random() < 0.05 else "trực tiếp"
        due = received + dt.timedelta(days=days_to_do)
        supplements = rng.choices([0, 1, 2], [85, 10, 5])[0]
        open_ = (last - received).days < 5 and rng.random() < 0.6
        if open_:
            finished = None
        elif rng.random() < 0.88:
            finished = due - dt.timedelta(days=rng.randint(0, min(2, days_to_do)))
        else:
            finished = due + dt.timedelta(days=rng.randint(1, 5))
        originals = level == "toàn trình" and channel == "trực tuyến" and rng.random() < 0.06
        if finished is None:
            result_channel = ""
        elif channel == "trực tuyến":
            result_channel = "trực tiếp" if level == "toàn trình" and rng.random() < 0.03 else rng.choice(["trực tuyến", "bưu chính"])
        else:
            result_channel = "trực tiếp"
        paid = fee and channel == "trực tuyến" and rng.random() < 0.6
        yes = {True: "có", False: "không"}
        yield [
            f"H{year}-{n:07d}", code, name, level, channel, unit, received.strftime("%d/%m/%Y"),
            due.strftime("%d/%m/%Y"), finished.strftime("%d/%m/%Y") if finished else "",
            finished.strftime("%d/%m/%Y") if finished else "",
            "Đang xử lý" if finished is None else "Đã trả kết quả",
            yes[rng.random() < digitised_share],
            yes[finished is not None and rng.random() < 0.85], yes[fee], yes[paid],
            str(supplements), yes[originals], result_channel,
        ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20260102)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--rows", type=int, default=2400, help="dossiers (default 2400: a year)")
    parser.add_argument("--output", default="-", help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.output == "-":
        write(sys.stdout, args)
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            write(out, args)
    return 0


def write(out: TextIO, args: argparse.Namespace) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows(args.year, args.rows, args.seed))


if __name__ == "__main__":
    raise SystemExit(main())
