"""The rank engine from Python: peers, the rank distribution by both methods, points needed,
everyone at once, and the whole chain from the plan to the improvement plan."""

from __future__ import annotations

import datetime as dt
import math
import threading

import numpy as np
import pandas as pd
import pytest

import dtiplan
from dtiplan import _core

AS_OF = dt.date(2026, 11, 28)
EVALUATION = dt.date(2026, 12, 31)

PEERS_CSV = (
    "unit,year,dti\n"
    "Phường Tam Hiệp,2025,0.8002\n"
    "Phường Trấn Biên,2025,0.7815\n"
    "Phường Long Bình,2025,0.7511\n"
    "Xã Phú Hữu,2025,0.7240\n"
    "Xã Long Thành,2025,0.7010\n"
    "Xã Đại Phước,2025,0.6900\n"
)


@pytest.fixture(scope="module")
def example() -> dtiplan.PeerTable:
    return dtiplan.example_peers()


@pytest.fixture(scope="module")
def outlook() -> dtiplan.RankOutlook:
    return dtiplan.rank_outlook(as_of=AS_OF, evaluation=EVALUATION)


# --- Peers ------------------------------------------------------------------------------------


def test_example_peers_are_94_illustrative_communes_of_a_95_unit_province(example) -> None:
    assert len(example) == 94
    assert example.illustrative
    assert all(r.illustrative and r.year == 2025 for r in example.results)
    units = example.units()
    assert sum(u.startswith("Xã minh họa") for u in units) == 71  # Đại Phước is the 72nd xã
    assert sum(u.startswith("Phường minh họa") for u in units) == 23
    dtis = [r.dti for r in example.results]
    assert 0.50 <= min(dtis) < 0.56 and 0.85 < max(dtis) <= 0.92
    # Each result's main indices give its DTI (the published consistency).
    fw = dtiplan.builtin_framework()
    for r in example.results[:10]:
        assert fw.dti_from_main_indices(dict(r.main_indices)) == pytest.approx(r.dti, abs=1e-4)


def test_example_peers_file_is_what_the_seeded_script_makes(example) -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "make_example_peers.py"
    spec = importlib.util.spec_from_file_location("make_example_peers", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.make_peers(20250701)
    assert [(r.unit, r.dti, dict(r.main_indices)) for r in made.results] == [
        (r.unit, r.dti, dict(r.main_indices)) for r in example.results
    ]


def test_load_peers_from_a_dataframe_keeps_vietnamese_names() -> None:
    frame = pd.DataFrame(
        {"unit": ["Phường Tam Hiệp", "Xã Phú Hữu"], "year": [2025, 2025], "dti": [0.8002, 0.724]}
    )
    table = dtiplan.load_peers(frame)
    assert table.units() == ["Phường Tam Hiệp", "Xã Phú Hữu"]
    assert not table.illustrative
    assert table.results[1].origin == "DataFrame:3"
    back = dtiplan.peers_frame(table)
    assert list(back["unit"]) == ["Phường Tam Hiệp", "Xã Phú Hữu"]
    assert list(back["dti"]) == [0.8002, 0.724]


def test_a_bad_peer_cell_is_named_by_row_and_column(tmp_path) -> None:
    path = tmp_path / "peers.csv"
    path.write_text("unit,year,dti\nPhường Tam Hiệp,2025,0.8002\nXã Phú Hữu,2025,\"8,002\"\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(dtiplan.ValidationError) as info:
        dtiplan.load_peers(path)
    message = str(info.value)
    assert "peers.csv" in message and "row 3" in message and "column dti" in message
    frame = pd.DataFrame({"unit": ["Xã Phú Hữu"], "year": [2025], "dti": [72.4]})
    with pytest.raises(ValueError, match=r"DataFrame: index 0 \(CSV row 2\), column dti"):
        dtiplan.load_peers(frame)
    with pytest.raises(dtiplan.FileError):
        dtiplan.load_peers(tmp_path / "khong-co.csv")


def test_a_peer_results_values_read_and_set_as_dicts() -> None:
    fw = dtiplan.builtin_framework()
    table = _core.peers_from_csv(
        "unit,year,dti,CQS,CQS.05\n"
        "Phường Tam Hiệp,2025,0.8002,0.8575,0.9\n"
        "Xã Đại Phước,2025,0.7002,,0.25\n",
        "peers.csv",
        fw,
    )
    tam_hiep, dai_phuoc = table.results
    # Read as dicts in id order; an empty cell is not given.
    assert tam_hiep.main_indices == {"CQS": 0.8575}
    assert type(tam_hiep.components) is dict
    assert dai_phuoc.main_indices == {}
    assert dai_phuoc.components == {"CQS.05": 0.25}
    assert tam_hiep.to_dict()["components"] == {"CQS.05": 0.9}
    # The dict is a copy: changing it changes nothing; assigning a mapping does.
    copy = tam_hiep.components
    copy["CQS.05"] = 0.1
    assert tam_hiep.components == {"CQS.05": 0.9}
    tam_hiep.components = {"NTS.01": 0.5, "CQS.05": 0.75}
    assert list(tam_hiep.components.items()) == [("CQS.05", 0.75), ("NTS.01", 0.5)]
    built = dtiplan.PeerResult(
        unit="Phường Tam Hiệp", year=2025, dti=0.8002, main_indices={"CQS": 0.8575},
        components={"NTS.01": 0.5, "CQS.05": 0.75}, origin="peers.csv:2",
    )  # fmt: skip
    assert built == tam_hiep
    assert built != dai_phuoc
    with pytest.raises(TypeError):
        dtiplan.PeerResult(unit="Xã Đại Phước", components={"CQS.05": "cao"})
    # A short repr, whatever the values; pickling keeps them.
    import pickle

    values = {c: 0.5 for c in ("NTS.01", "NTS.02", "CQS.01", "CQS.05")}
    full = dtiplan.PeerResult(unit="Phường Tam Hiệp", year=2025, dti=0.8, components=values)
    assert "{... 4 items}" in repr(full) and len(repr(full)) < 200
    assert pickle.loads(pickle.dumps(full)) == full


def test_the_outlook_ranks_against_the_callers_table_not_a_copy(tmp_path) -> None:
    path = tmp_path / "peers.csv"
    path.write_text(PEERS_CSV, encoding="utf-8")
    table = dtiplan.load_peers(path)
    core = _core.rank_outlook(
        _core.builtin_plan(), dtiplan.builtin_framework(), _core.example_observations(_core.builtin_plan()),
        table, _core.OutlookOptions(as_of=AS_OF, evaluation=EVALUATION, improve=False),
    )  # fmt: skip
    assert core.own_unit == "Xã Đại Phước"
    # The outlook holds the caller's table itself (the same object), and keeps it alive.
    assert core.peers is table
    del table
    assert core.peers.units()[0] == "Phường Tam Hiệp" and len(core.peers) == 6
    with pytest.raises(TypeError, match="peers: expected PeerTable, found str"):
        _core.rank_outlook(
            _core.builtin_plan(), dtiplan.builtin_framework(),
            _core.example_observations(_core.builtin_plan()), "peers.csv",
        )  # fmt: skip


def test_peers_and_observations_load_from_excel(tmp_path) -> None:
    path = tmp_path / "ket-qua-dti-2025.xlsx"
    pd.DataFrame(
        {"unit": ["Phường Tam Hiệp", "Xã Phú Hữu"], "year": [2025, 2025], "dti": [0.8002, 0.724]}
    ).to_excel(path, index=False)
    table = dtiplan.load_peers(path)
    assert table.units() == ["Phường Tam Hiệp", "Xã Phú Hữu"]
    assert table.results[1].dti == 0.724
    assert table.results[1].origin.endswith("ket-qua-dti-2025.xlsx:3")  # the sheet's row 3

    bad = tmp_path / "sai.xlsx"
    pd.DataFrame({"unit": ["Xã Phú Hữu"], "year": [2025], "dti": [72.4]}).to_excel(bad, index=False)
    with pytest.raises(dtiplan.ValidationError, match=r"sai.xlsx: row 2, column dti"):
        dtiplan.load_peers(bad)
    not_excel = tmp_path / "hong.xlsx"
    not_excel.write_text("không phải Excel", encoding="utf-8")
    with pytest.raises(dtiplan.FormatError, match=r"hong.xlsx"):
        dtiplan.load_peers(not_excel)
    with pytest.raises(dtiplan.FileError, match=r"khong-co.xlsx"):
        dtiplan.load_peers(tmp_path / "khong-co.xlsx")

    # Observations: the example as a workbook reads back to the same values.
    csv_path = tmp_path / "so-lieu.csv"
    csv_path.write_text(dtiplan.track.example_observations_csv(), encoding="utf-8")
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    xlsx = tmp_path / "so-lieu.xlsx"
    frame.to_excel(xlsx, index=False)
    from_excel = dtiplan.load_observations(xlsx)
    from_csv = dtiplan.load_observations(csv_path)
    assert [(o.indicator, str(o.period), o.value.value) for o in from_excel.all()] == [
        (o.indicator, str(o.period), o.value.value) for o in from_csv.all()
    ]
    assert from_excel.all()[0].origin.endswith("so-lieu.xlsx:2")


def test_peers_are_grown_to_the_evaluation_date_leaving_the_own_commune_out() -> None:
    table = _core.peers_from_csv(PEERS_CSV, "peers.csv")
    growth = dtiplan.GrowthModel(mean=0.02, sd=0.01, shock_sd=0.005)
    forecasts = dtiplan.peer_forecasts(table, growth, "2026-12-31", "Xã Đại Phước")
    assert [f.unit for f in forecasts] == table.units()[:5]
    tam_hiep = forecasts[0]
    assert tam_hiep.years == pytest.approx(1.0)
    assert tam_hiep.mean == pytest.approx(0.8202)
    assert tam_hiep.sd == pytest.approx(0.01) and tam_hiep.shock == pytest.approx(0.005)


# --- One commune's rank -----------------------------------------------------------------------


def test_exact_and_monte_carlo_agree_within_the_monte_carlo_error(example) -> None:
    own = (0.80, 0.02)
    exact = dtiplan.rank_distribution(own, example, method="exact")
    mc = dtiplan.rank_distribution(own, example, method="montecarlo", draws=40_000, seed=7)
    assert exact.method == "exact" and mc.method == "montecarlo" and mc.draws == 40_000
    assert exact.units == mc.units == 95
    for k in (5, 10, 20, 30):
        se = mc.prob_top_standard_error(k)
        assert abs(exact.prob_top(k) - mc.prob_top(k)) <= 4.5 * max(se, 1e-4), k
    assert abs(exact.expected - mc.expected) <= 4.5 * mc.expected_standard_error
    assert exact.pmf.sum() == pytest.approx(1.0, abs=1e-9)
    assert abs(exact.quantile(0.5) - mc.quantile(0.5)) <= 1


def test_the_rank_distribution_answers_what_a_coordinator_asks(example) -> None:
    r = dtiplan.rank_distribution(0.85, example)
    frame = r.frame()
    assert list(frame.columns) == ["rank", "probability", "cumulative", "standard_error"]
    assert len(frame) == 95 and frame["rank"].iloc[0] == 1
    assert np.all(np.diff(frame["cumulative"]) >= -1e-12)
    assert r.prob_top(95) == pytest.approx(1.0)
    assert r.prob_top(0) == 0.0
    assert r.prob_top(10) == pytest.approx(frame["cumulative"].iloc[9])
    # The same P(rank <= r) as an array, for charts (Đại Phước's chance of each rank or better).
    np.testing.assert_array_equal(r.cumulative, frame["cumulative"].to_numpy())
    assert r.cumulative[-1] <= 1.0 and r.cumulative[9] == pytest.approx(r.prob_top(10))
    assert r.expected == pytest.approx(float((frame["rank"] * frame["probability"]).sum()))
    q = r.quantile(0.9)
    assert frame["cumulative"].iloc[q - 1] >= 0.9 > frame["cumulative"].iloc[q - 2]
    assert r.illustrative
    with pytest.raises(dtiplan.ValidationError):
        r.quantile(1.5)
    # A higher own score never lowers the chance of the top 10.
    assert dtiplan.rank_distribution(0.87, example).prob_top(10) >= r.prob_top(10)


def test_ties_share_a_rank_as_the_dti_ranks_them() -> None:
    peers = [
        dtiplan.PeerForecast(unit="Phường Tam Hiệp", mean=0.80024, sd=0.0),
        dtiplan.PeerForecast(unit="Phường Trấn Biên", mean=0.7815, sd=0.0),
    ]
    # 0.80016 and 0.80024 are both 0.8002 to 4 decimals: a tie for the first place.
    tied = dtiplan.rank_distribution(0.80016, peers)
    assert tied.prob(1) == pytest.approx(1.0)
    behind = dtiplan.rank_distribution(0.80016, peers, decimals=-1)
    assert behind.prob(2) == pytest.approx(1.0)


def test_own_score_takes_numbers_pairs_samples_and_projections() -> None:
    assert dtiplan.own_score(0.8) == dtiplan.OwnScore.normal(0.8, 0.0)
    assert dtiplan.own_score((0.8, 0.02)) == dtiplan.OwnScore.normal(0.8, 0.02)
    samples = dtiplan.own_score(np.array([0.70, 0.72, 0.74]))
    assert samples.has_samples and samples.expected() == pytest.approx(0.72)
    projection = dtiplan.project_dti(as_of=AS_OF, evaluation=EVALUATION, draws=200)
    from_projection = dtiplan.own_score(projection)
    assert len(from_projection.samples) == 200
    with pytest.raises(ValueError):
        dtiplan.own_score([])


def test_points_needed_gives_the_probability_asked_for(example) -> None:
    needed = dtiplan.points_needed((0.75, 0.02), example, top=10, probability=0.5)
    assert needed.reachable
    assert needed.prob_at_needed >= 0.5
    assert needed.points == pytest.approx(1000.0 * needed.dti)
    assert needed.gap_points == pytest.approx(needed.points - 750.0, abs=1e-6)
    # One step below on the 10^-4 grid falls short.
    below = dtiplan.rank_distribution(needed.dti - 1e-4, example).prob_top(10)
    assert below < 0.5
    surer = dtiplan.points_needed((0.75, 0.02), example, top=10, probability=0.9)
    assert surer.dti > needed.dti


def test_prob_top_curve_rises_with_the_dti_reached(example) -> None:
    curve = dtiplan.prob_top_curve(example, np.linspace(0.6, 0.95, 15))
    assert list(curve.columns) == ["dti", "points", "prob_top", "expected_rank"]
    assert np.all(np.diff(curve["prob_top"]) >= -1e-12)
    assert curve["prob_top"].iloc[0] == pytest.approx(0.0, abs=1e-9)
    assert curve["prob_top"].iloc[-1] > 0.9


# --- Everyone at once -------------------------------------------------------------------------


def test_simulate_ranks_is_reproducible_whatever_the_thread_count() -> None:
    one = dtiplan.simulate_ranks(draws=2_000, seed=11, threads=1)
    two = dtiplan.simulate_ranks(draws=2_000, seed=11, threads=2)
    assert np.array_equal(one.probabilities, two.probabilities)
    assert one.probabilities.shape == (95, 95)
    assert np.allclose(one.probabilities.sum(axis=1), 1.0)
    assert one.illustrative and "minh họa" in one.description
    frame = one.frame()
    assert list(frame.columns[:3]) == ["unit", "mean_dti", "sd_dti"]
    assert frame["expected_rank"].is_monotonic_increasing
    best = frame["unit"].iloc[0]
    assert one.distribution(best).expected == pytest.approx(frame["expected_rank"].iloc[0])
    assert one.matrix_frame().loc[best].sum() == pytest.approx(1.0)
    with pytest.raises(KeyError):
        one.distribution("Xã không có")


def test_every_build_of_the_simulation_kernel_gives_the_same_ranks() -> None:
    # An analyst comparing a laptop without AVX-512 with a server gets the same numbers.
    framework = _core.builtin_framework()
    model = _core.synthetic_province(framework).model
    here = _core.available_simulation_kernels()
    assert here[0] == _core.SimulationKernel.Baseline
    results = {}
    for kernel in here:
        options = _core.SimulationOptions(draws=1_003, seed=5, threads=2, kernel=kernel)
        results[kernel] = _core.simulate_ranks(framework, model, options, None).probabilities
    first = results[here[0]]
    for kernel, probabilities in results.items():
        assert np.array_equal(probabilities, first), kernel
    assert _core.automatic_simulation_kernel() in here
    wide = (_core.SimulationKernel.Avx2, _core.SimulationKernel.Avx512, _core.SimulationKernel.Avx512Gather)
    missing = [k for k in wide if k not in here]
    for kernel in missing:
        with pytest.raises(dtiplan.ValidationError, match=r"options\.kernel"):
            _core.simulate_ranks(framework, model, _core.SimulationOptions(draws=8, kernel=kernel), None)


def test_simulate_ranks_reports_progress_and_can_be_cancelled() -> None:
    seen: list[tuple[int, int]] = []
    dtiplan.simulate_ranks(draws=4_000, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (4_000, 4_000)
    assert all(b[0] >= a[0] for a, b in zip(seen, seen[1:]))
    with pytest.raises(dtiplan.SimulationCancelled):
        dtiplan.simulate_ranks(draws=50_000, progress=lambda done, total: done < 1_000)
    with pytest.raises(ZeroDivisionError):
        dtiplan.simulate_ranks(draws=4_000, progress=lambda done, total: 1 / 0)


def test_simulate_ranks_lets_other_python_threads_run() -> None:
    # The simulation holds no GIL: a Python thread keeps counting between two progress calls
    # (with the GIL held throughout, the counter could not move while the draws run). Progress
    # comes about every 0.1 s: 200,000 draws on one thread take about a second, so there are
    # several calls (20,000 took under 0.1 s once the engine got faster, and gave one call).
    counter = [0]
    stop = threading.Event()
    readings: list[int] = []

    def count() -> None:
        while not stop.is_set():
            counter[0] += 1

    worker = threading.Thread(target=count)
    worker.start()
    try:
        dtiplan.simulate_ranks(draws=200_000, threads=1,
                               progress=lambda done, total: readings.append(counter[0]))  # fmt: skip
    finally:
        stop.set()
        worker.join()
    assert len(readings) >= 2
    assert readings[-1] > readings[0]


# --- The whole chain --------------------------------------------------------------------------


def test_the_outlook_ranks_the_projection_plus_the_untracked_assumption(outlook) -> None:
    assert outlook.units == 95 and outlook.top == 10
    assert outlook.own_unit == ""  # the example peers do not list Đại Phước
    fill = outlook.fill
    assert fill.basis == dtiplan.UntrackedBasis.PeerMedian
    assert fill.untracked_points == pytest.approx(355.0)
    assert 0.0 < fill.dti() < 0.355
    assert outlook.projected_dti == pytest.approx(outlook.tracked_dti + fill.dti(), abs=1e-9)
    assert outlook.illustrative and outlook.peers_illustrative
    d = outlook.distribution
    assert d.expected == pytest.approx(float(np.dot(np.arange(1, 96), d.pmf)))
    assert d.quantile(0.05) <= d.quantile(0.5) <= d.quantile(0.95)
    assert outlook.needed.prob_at_needed >= 0.5
    zero = dtiplan.rank_outlook(as_of=AS_OF, evaluation=EVALUATION, untracked="zero", improve=False)
    assert zero.projected_dti == pytest.approx(outlook.tracked_dti, abs=1e-9)
    assert zero.distribution.expected > d.expected
    assert zero.improvements is None


def test_the_improvement_plan_names_who_must_act(outlook) -> None:
    imp = outlook.improvements
    frame = imp.frame()
    assert len(frame) == len(imp.actions) > 0
    plan = dtiplan.builtin_plan()
    ids = set(frame["indicator"])
    assert ids <= {i.id for i in plan.indicators}
    row = frame[frame["indicator"] == "II.01"].iloc[0]
    assert row["name"].startswith("Triển khai Trung tâm dữ liệu")
    assert "VHXH" in row["lead_units"]
    assert (frame["to"] >= frame["from"]).all() and (frame["points_gained"] > 0).all()
    # Best value for effort first; the chance of the top 10 never falls as actions are added.
    ratio = frame["points_gained"] / frame["effort"]
    assert np.all(np.diff(ratio) <= 1e-9)
    assert np.all(np.diff(frame["prob_top10_after"]) >= -1e-12)
    assert imp.prob_top_after >= imp.prob_top_before
    assert frame["expected_rank_after"].iloc[-1] == pytest.approx(imp.core.expected_rank_after)
    # The example cannot reach the chance aimed at with the plan's indicators alone: the plan is
    # the one with the highest chance, then the best expected rank, at least effort.
    assert imp.points_needed == pytest.approx(outlook.needed_shift.gap_points)
    assert not imp.reaches and 0.0 < imp.points_gained <= imp.core.points_possible + 1e-9
    assert imp.core.expected_rank_after < imp.core.expected_rank_before


def test_a_budget_caps_the_effort() -> None:
    imp = dtiplan.plan_improvements(as_of=AS_OF, evaluation=EVALUATION, budget=5.0)
    assert imp.total_effort <= 5.0 + 1e-9
    assert imp.points_gained > 0
    free = dtiplan.plan_improvements(as_of=AS_OF, evaluation=EVALUATION, budget=0.0)
    assert free.points_gained == 0.0 and not free.actions


def test_points_are_expected_over_the_projection_and_each_actions_own() -> None:
    """Each action's points are what it gives alone over the projection's draws: moving the
    draws of that indicator alone, the projected DTI's mean rises by that much."""
    o = dtiplan.rank_outlook(as_of=AS_OF, evaluation=EVALUATION, projection_draws=2000, budget=3.0)
    imp = o.improvements
    assert imp is not None and imp.actions
    core = o.core
    assert core is not None
    draws = {k: np.asarray(v) for k, v in core.projection.indicator_samples.items()}
    n = len(o.own.samples)
    assert all(len(v) == n for v in draws.values())
    a = imp.actions[0]
    plan = dtiplan.builtin_plan()
    framework = dtiplan.builtin_framework()
    held = dict(core.held)
    base_values = dtiplan._core.projected_values(core.projection, held)

    def mean_points(shift: float) -> float:
        total = 0.0
        for d in range(n):
            values = dict(base_values)
            for k, v in draws.items():
                values[k] = float(v[d])
            if a.indicator in draws:
                values[a.indicator] = min(1.0, values[a.indicator] + shift)
            else:
                values[a.indicator] = base_values[a.indicator] + shift
            card = dtiplan.score(framework, values, plan=plan, year=2026, best=dict(core.best))
            total += card.points
        return total / n

    if not a.with_:
        assert mean_points(a.to - a.from_) - mean_points(0.0) == pytest.approx(
            a.points_gained, abs=1e-6
        )


def test_a_real_peer_table_is_not_labelled_illustrative(tmp_path) -> None:
    path = tmp_path / "peers.csv"
    path.write_text(PEERS_CSV, encoding="utf-8")
    o = dtiplan.rank_outlook(peers=path, as_of=AS_OF, evaluation=EVALUATION, improve=False)
    assert o.own_unit == "Xã Đại Phước"
    assert len(o.forecasts) == 5 and o.units == 6
    assert not o.peers_illustrative
    assert o.observations_illustrative  # the example observations still are
    assert o.fill.peers_used == 5
    assert math.isclose(o.distribution.pmf.sum(), 1.0, abs_tol=1e-9)


def test_untracked_assumption_spellings() -> None:
    assert dtiplan.rank.untracked_assumption("zero").basis == dtiplan.UntrackedBasis.Zero
    fixed = dtiplan.rank.untracked_assumption("0,6")
    assert fixed.basis == dtiplan.UntrackedBasis.Fixed and fixed.value == pytest.approx(0.6)
    with pytest.raises(ValueError, match="peer-median"):
        dtiplan.rank.untracked_assumption("trung vị")
    with pytest.raises(ValueError):
        dtiplan.rank.untracked_assumption(1.5)


def test_everyone_at_once_includes_the_commune_with_its_projection(outlook) -> None:
    model = dtiplan.rank.everyone_model(outlook)
    assert model.unit_count == 95 and model.component_count == 47
    assert model.units[-1] == "Xã Đại Phước" and model.illustrative
    fw = dtiplan.builtin_framework()
    ids = list(model.components)
    # A tracked component is the mean of its indicators' projected values; an untracked one
    # the peers' median index of its main indicator.
    held = dtiplan.rank._held_values(outlook.projection)
    projected = _core.projected_values(outlook.projection.core, held)
    cqs = fw.find_component("CQS.01")
    assert cqs.indicators and all(i in projected for i in cqs.indicators)
    expected = np.mean([projected[i] for i in cqs.indicators])
    assert model.mean[-1, ids.index("CQS.01")] == pytest.approx(expected)
    untracked = [g.component for g in _core.coverage(fw, outlook.plan).untracked_components]
    first = fw.find_component(untracked[0])
    main = untracked[0].split(".")[0]
    assert model.mean[-1, ids.index(first.id)] == pytest.approx(outlook.fill.fraction_by_main[main])
    # Peers: the 2025 component values grown by the growth mean over one year.
    peer = outlook.peers.results[0]
    assert model.mean[0, 0] == pytest.approx(min(1.0, peer.components[ids[0]] + 0.02))

    seen: list[int] = []
    sim = dtiplan.rank.rank_everyone(outlook, draws=2_000, progress=lambda d, t: seen.append(d))
    assert seen[-1] == 2_000
    own = sim.distribution("Xã Đại Phước")
    assert own.units == 95 and own.pmf.sum() == pytest.approx(1.0)
    # The same commune, ranked by the one-unit model: the two models differ (docs/rank.md §13,
    # about 8 places on the example), but not by more than 10.
    assert abs(own.expected - outlook.distribution.expected) < 10


def test_everyone_at_once_needs_component_values(tmp_path) -> None:
    path = tmp_path / "peers.csv"
    path.write_text(PEERS_CSV, encoding="utf-8")
    o = dtiplan.rank_outlook(peers=path, as_of=AS_OF, evaluation=EVALUATION, improve=False)
    with pytest.raises(dtiplan.ValidationError, match=r"Phường Tam Hiệp .* NTS.01"):
        dtiplan.rank.everyone_model(o)


HISTORY_CSV = (
    "unit,year,dti\n"
    "Phường Tam Hiệp,2023,0.70\nPhường Tam Hiệp,2024,0.70\nPhường Tam Hiệp,2025,0.76\n"
    "Phường Trấn Biên,2023,0.60\nPhường Trấn Biên,2024,0.62\nPhường Trấn Biên,2025,0.70\n"
    "Xã Phú Hữu,2023,0.65\nXã Phú Hữu,2024,0.66\nXã Phú Hữu,2025,0.73\n"
)


def test_growth_is_estimated_from_the_peers_history(tmp_path) -> None:
    table = _core.peers_from_csv(HISTORY_CSV, "peers.csv")
    estimate = dtiplan.estimate_growth(table)
    assert estimate.changes == 6 and estimate.units == 3 and estimate.periods == 2
    assert estimate.shock_estimated
    assert estimate.model.mean == pytest.approx((0.0 + 0.02 + 0.01 + 0.06 + 0.08 + 0.07) / 6)
    assert estimate.model.shock_sd > estimate.model.sd > 0.0  # the years differ more than the units
    forecasts = dtiplan.peer_forecasts(table, "estimate", "2026-12-31")
    assert forecasts[0].mean == pytest.approx(0.76 + estimate.model.mean)
    assert forecasts[0].shock == pytest.approx(estimate.model.shock_sd)

    path = tmp_path / "peers.csv"
    path.write_text(HISTORY_CSV, encoding="utf-8")
    o = dtiplan.rank_outlook(peers=path, growth="estimate", as_of=AS_OF, evaluation=EVALUATION,
                             improve=False)  # fmt: skip
    assert o.growth_estimate == estimate
    assert o.growth == estimate.model
    with pytest.raises(dtiplan.ValidationError, match="at least two yearly changes"):
        dtiplan.estimate_growth(_core.peers_from_csv(PEERS_CSV, "peers.csv"))
    with pytest.raises(ValueError, match="estimate"):
        dtiplan.rank_outlook(peers=path, growth="ước lượng", as_of=AS_OF, improve=False)
