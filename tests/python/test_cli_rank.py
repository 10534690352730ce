"""``dtiplan rank`` and ``dtiplan improve``: the coordinator's view of the top-10 goal."""

from __future__ import annotations

import csv
import io
import json

import pytest

import dtiplan

ARGS = ("--as-of", "2026-11-28", "--to", "2026-12-31")
PEERS_LABEL = dtiplan.PEERS_ILLUSTRATIVE_LABEL


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rank_text_answers_the_goal_and_labels_invented_data(run_cli, lang: str) -> None:
    result = run_cli("rank", *ARGS, "--lang", lang)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert dtiplan.ILLUSTRATIVE_LABEL[lang] in out
    assert PEERS_LABEL[lang] in out
    if lang == "vi":
        assert "Thứ hạng dự báo của xã Đại Phước, đánh giá ngày 31/12/2026" in out
        assert "Xác suất vào top 10:" in out
        assert "Để vào top 10 với xác suất 50,0%: cần DTI 0," in out
        assert "giả định như trung vị các đơn vị khác" in out
        assert "Mục tiêu: top 10 trong 95 đơn vị" in out
    else:
        assert "Chance of the top 10:" in out and "2026-12-31" in out


def test_rank_json_and_csv_carry_the_whole_distribution(run_cli) -> None:
    data = json.loads(run_cli("rank", *ARGS, "--format", "json").stdout)
    assert data["commune"] == "Xã Đại Phước"
    assert data["goal"]["top"] == 10 and data["goal"]["of"] == 95
    assert data["illustrative"] is True and data["peers"]["illustrative"] is True
    assert data["peers"]["count"] == 94
    dist = data["distribution"]
    assert len(dist) == 95
    assert sum(d["probability"] for d in dist) == pytest.approx(1.0, abs=1e-9)
    assert data["prob_top"] == pytest.approx(dist[9]["cumulative"], abs=1e-12)
    assert data["points_needed"]["prob_at_needed"] >= 0.5
    assert data["projected_dti"] == pytest.approx(
        data["tracked_dti"] + data["untracked"]["dti"], abs=1e-9
    )

    result = run_cli("rank", *ARGS, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 95 and rows[0]["rank"] == "1"
    assert {r["illustrative"] for r in rows} == {"1"}


def test_a_higher_top_k_is_likelier_and_untracked_zero_ranks_lower(run_cli) -> None:
    top10 = json.loads(run_cli("rank", *ARGS, "--format", "json").stdout)
    top50 = json.loads(run_cli("rank", *ARGS, "--format", "json", "--top", "50").stdout)
    assert top50["goal"]["top"] == 50
    assert top50["prob_top"] >= top10["prob_top"]
    zero = json.loads(run_cli("rank", *ARGS, "--format", "json", "--untracked", "zero").stdout)
    assert zero["untracked"]["basis"] == "zero" and zero["untracked"]["dti"] == 0.0
    assert zero["expected_rank"] > top10["expected_rank"]


def test_rank_monte_carlo_agrees_with_exact(run_cli) -> None:
    exact = json.loads(run_cli("rank", *ARGS, "--format", "json").stdout)
    mc = json.loads(
        run_cli("rank", *ARGS, "--format", "json", "--method", "montecarlo", "--draws", "20000").stdout
    )
    assert mc["method"] == "montecarlo"
    assert abs(mc["expected_rank"] - exact["expected_rank"]) < 1.0


def test_rank_with_real_peers_drops_the_peer_label(run_cli, tmp_path) -> None:
    path = tmp_path / "peers.csv"
    path.write_text(
        "unit,year,dti\nPhường Tam Hiệp,2025,0.8002\nPhường Trấn Biên,2025,0.7815\n"
        "Xã Phú Hữu,2025,0.7240\nXã Đại Phước,2025,0.6900\n",
        encoding="utf-8",
    )
    result = run_cli("rank", *ARGS, "--peers", path)
    assert result.returncode == 0, result.stderr
    assert PEERS_LABEL["vi"] not in result.stdout
    assert "Mục tiêu: top 10 trong 4 đơn vị" in result.stdout  # 3 peers + Đại Phước
    assert "peers.csv" in result.stdout


def test_bad_inputs_exit_2_naming_the_place(run_cli, tmp_path) -> None:
    path = tmp_path / "peers.csv"
    path.write_text("unit,year,dti\nPhường Tam Hiệp,2025,0.8002\nXã Phú Hữu,2025,72,4\n",
                    encoding="utf-8")  # fmt: skip
    result = run_cli("rank", *ARGS, "--peers", path)
    assert result.returncode == 2
    assert "peers.csv" in result.stderr and "row 3" in result.stderr
    assert result.stdout == ""
    missing = run_cli("improve", *ARGS, "--peers", tmp_path / "khong-co.csv")
    assert missing.returncode == 2 and "khong-co.csv" in missing.stderr
    bad = run_cli("rank", *ARGS, "--untracked", "1,5")
    assert bad.returncode == 2 and "--untracked" in bad.stderr
    assert run_cli("rank", *ARGS, "--probability", "0").returncode == 2
    assert run_cli("improve", *ARGS, "--budget", "-1").returncode == 2
    ancient = run_cli("rank", "--as-of", "2026-11-28", "--to", "1300-01-01")
    assert ancient.returncode == 2 and "--to" in ancient.stderr and "1900" in ancient.stderr


def test_improve_text_lists_actions_with_their_lead_units(run_cli) -> None:
    result = run_cli("improve", *ARGS, "--limit", "3")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Kế hoạch cải thiện của xã Đại Phước: mục tiêu top 10" in out
    assert "Các việc cần làm" in out
    assert "Phòng VH-XH, Sở KH&CN" in out  # II.01: unit names, not ids ("VHXH, SKHCN")
    assert "VHXH, SKHCN" not in out
    assert "… và " in out  # more actions than the limit
    assert "P(top 10) sau" in out
    assert dtiplan.ILLUSTRATIVE_LABEL["vi"] in out and PEERS_LABEL["vi"] in out


def test_improve_json_and_csv(run_cli) -> None:
    data = json.loads(run_cli("improve", *ARGS, "--format", "json").stdout)
    imp = data["improvement"]
    actions = imp["actions"]
    assert actions and actions[0]["order"] == 1
    # Each action's points are its own (expected over the projection); the total is the whole
    # plan's, which may differ where actions share a component.
    assert all(a["points_gained"] > 0 for a in actions)
    assert imp["points_gained"] > 0
    by_id = {a["indicator"]: a for a in actions}
    assert "VHXH" in by_id["II.01"]["lead_units"]
    assert all(a["to"] >= a["from"] for a in actions)
    rows = list(csv.DictReader(io.StringIO(run_cli("improve", *ARGS, "--format", "csv").stdout)))
    assert [r["indicator"] for r in rows] == [a["indicator"] for a in actions]
    assert {r["illustrative"] for r in rows} == {"1"}


def test_improve_with_a_budget_stays_within_it(run_cli) -> None:
    data = json.loads(run_cli("improve", *ARGS, "--format", "json", "--budget", "4").stdout)
    assert data["improvement"]["total_effort"] <= 4.0 + 1e-9
    text = run_cli("improve", *ARGS, "--budget", "4").stdout
    assert "Ngân sách công sức: 4,00" in text


def test_improve_says_the_budget_is_the_limit_and_never_prints_minus_zero(run_cli) -> None:
    # Ngân sách 0: không việc nào; câu "chưa đủ" nói ngân sách là giới hạn, không đổ cho các
    # thành phần chưa theo dõi khi các chỉ tiêu của kế hoạch còn mang lại được nhiều điểm hơn.
    data = json.loads(run_cli("improve", *ARGS, "--format", "json", "--budget", "5").stdout)
    imp = data["improvement"]
    assert imp["points_possible"] > imp["points_gained"]
    text = run_cli("improve", *ARGS, "--budget", "5").stdout
    assert "Chưa đủ vì ngân sách: trong 5,00 đơn vị công sức" in text
    assert "không giới hạn công sức, các chỉ tiêu trong kế hoạch mang lại được tới" in text
    english = run_cli("improve", *ARGS, "--budget", "5", "--lang", "en").stdout
    assert "Not enough because of the budget: within 5.00 units of effort" in english
    minus_zero = run_cli("improve", *ARGS, "--budget", "-0")
    assert minus_zero.returncode == 0, minus_zero.stderr
    assert "Ngân sách công sức: 0,00" in minus_zero.stdout
    assert "-0,00" not in minus_zero.stdout


def test_improve_shows_the_latest_reported_value_above_the_forecast(run_cli) -> None:
    data = json.loads(run_cli("improve", *ARGS, "--format", "json").stdout)
    above = [
        a
        for a in data["improvement"]["actions"]
        if a["latest"] is not None and round(a["latest"], 3) > round(a["from"], 3)
    ]
    assert above, "some indicator was reported above its forecast"
    text = run_cli("improve", *ARGS).stdout
    a = above[0]
    line = next(row for row in text.splitlines() if f" {a['indicator']} " in row)
    assert "(báo cáo " in line, line  # the forecast, and the higher value already reported


def test_improve_proposes_nothing_when_the_top_10_is_certain(run_cli, tmp_path) -> None:
    # 94 đơn vị so sánh đều 0,30: chắc chắn vào top 10, không bỏ công sức nào.
    peers = tmp_path / "peers.csv"
    rows = [f"Xã Thử {i:02d},2025,0.3000" for i in range(94)]
    peers.write_text("unit,year,dti\n" + "\n".join(rows) + "\n", encoding="utf-8")
    data = json.loads(
        run_cli(
            "improve", *ARGS, "--peers", str(peers), "--budget", "10", "--format", "json"
        ).stdout
    )
    assert data["improvement"]["actions"] == []
    assert data["improvement"]["total_effort"] == 0.0
    text = run_cli("improve", *ARGS, "--peers", str(peers), "--budget", "10").stdout
    assert "Đã chắc chắn vào top 10: không cần bỏ thêm công sức." in text
    # Điểm vì chính nó, khi được yêu cầu: --for-points dùng hết ngân sách.
    points = json.loads(
        run_cli(
            "improve", *ARGS, "--peers", str(peers), "--budget", "10", "--for-points",
            "--format", "json",
        ).stdout
    )  # fmt: skip
    assert points["improvement"]["actions"] and points["improvement"]["points_gained"] > 0


def test_rank_scores_the_relative_to_best_component_against_the_best_peer(run_cli) -> None:
    data = json.loads(run_cli("rank", *ARGS, "--format", "json").stdout)
    assert set(data["relative_best"]) == {"KTS.01"}
    assert 0.0 < data["relative_best"]["KTS.01"] <= 1.0
    assert data["best_assumed"] == []
    text = run_cli("rank", *ARGS).stdout
    assert "Chỉ số chấm theo đơn vị tốt nhất: KTS.01 so với" in text


def test_rank_everyone_shows_the_province_table_and_a_progress_bar(run_cli) -> None:
    result = run_cli("rank", *ARGS, "--everyone", "--draws", "2000")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Thứ hạng của mọi đơn vị (mô phỏng theo thành phần)" in out
    assert "Xã Đại Phước  ◀" in out
    assert "2.000 lần mô phỏng" in out and "95 đơn vị × 47 thành phần" in out
    assert PEERS_LABEL["vi"] in out
    assert "2.000/2.000" in result.stderr  # the progress bar ends full, counts grouped by dots
    rows = list(csv.DictReader(io.StringIO(
        run_cli("rank", *ARGS, "--everyone", "--draws", "2000", "--format", "csv").stdout)))  # fmt: skip
    assert len(rows) == 95
    assert "Xã Đại Phước" in {r["unit"] for r in rows}
    data = json.loads(
        run_cli("rank", *ARGS, "--everyone", "--draws", "2000", "--format", "json").stdout
    )
    assert data["draws"] == 2000 and len(data["units"]) == 95
    assert data["units"][0]["expected_rank"] <= data["units"][-1]["expected_rank"]


def test_the_command_reads_excel_peers_and_observations(run_cli, tmp_path) -> None:
    import pandas as pd

    peers = tmp_path / "ket-qua-dti-2025.xlsx"
    pd.DataFrame(
        {
            "unit": ["Phường Tam Hiệp", "Phường Trấn Biên", "Xã Phú Hữu"],
            "year": [2025, 2025, 2025],
            "dti": [0.8002, 0.7815, 0.7240],
        }
    ).to_excel(peers, index=False)
    result = run_cli("rank", *ARGS, "--peers", peers, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["peers"]["source"].endswith("ket-qua-dti-2025.xlsx")
    assert data["peers"]["count"] == 3 and data["peers"]["illustrative"] is False

    bad = tmp_path / "so-lieu.xlsx"
    pd.DataFrame(
        {"indicator": ["I.03"], "period": ["2026-03"], "value": [1.7], "submitted": ["2026-03-15"]}
    ).to_excel(bad, index=False)
    result = run_cli("status", "--as-of", "2026-03-25", "--observations", bad)
    assert result.returncode == 2
    assert "so-lieu.xlsx: row 2" in result.stderr


def test_rank_estimates_growth_from_the_peers_history(run_cli, tmp_path) -> None:
    path = tmp_path / "peers.csv"
    path.write_text(
        "unit,year,dti\n"
        "Phường Tam Hiệp,2024,0.75\nPhường Tam Hiệp,2025,0.80\n"
        "Phường Trấn Biên,2024,0.75\nPhường Trấn Biên,2025,0.78\n"
        "Xã Phú Hữu,2024,0.70\nXã Phú Hữu,2025,0.71\n",
        encoding="utf-8",
    )
    result = run_cli("rank", *ARGS, "--peers", path, "--estimate-growth")
    assert result.returncode == 0, result.stderr
    assert "mức tăng ước lượng từ 3 thay đổi của 3 đơn vị qua 1 giai đoạn" in result.stdout
    assert "cộng mức tăng 0,030/năm (độ lệch 0,020; biến động chung 0,000)" in result.stdout
    data = json.loads(run_cli("rank", *ARGS, "--peers", path, "--estimate-growth",
                              "--format", "json").stdout)  # fmt: skip
    assert data["peers"]["growth"]["estimated"] is True
    assert data["peers"]["growth"]["mean"] == pytest.approx(0.03)
    default = run_cli("rank", *ARGS, "--peers", path)
    assert "mức tăng là giả định" in default.stdout
    one_year = run_cli("rank", *ARGS, "--estimate-growth")  # the example has 2025 only
    assert one_year.returncode == 2 and "at least two yearly changes" in one_year.stderr
