"""Property tests of the round trips users rely on (hypothesis): a plan saved and loaded is the
same plan, observations written (CSV or JSON) and read are the same observations, and a target
written in Vietnamese reads back as the same target. The examples are generated; a failure
prints the smallest one found."""

from __future__ import annotations

import datetime
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dtiplan
from dtiplan import Comparator, Language, MeasureKind, TargetValue

PLAN = dtiplan.builtin_plan()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as people type it: Vietnamese letters, other scripts, symbols, quotes, commas, line
# breaks; in NFC, the form the readers keep (no lone surrogates: not text).
_VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐƯ"
)
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(_VIETNAMESE + _VIETNAMESE.upper() + " ,;\"'\n\r\t/%"),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=40,
).map(lambda s: unicodedata.normalize("NFC", s))


# --- target phrases -------------------------------------------------------------------------------


@st.composite
def targets(draw: st.DrawFn) -> TargetValue:
    """A target as the plan states them: a rate to two decimals of a percent, a count of a total,
    or a yes/no."""
    kind = draw(st.sampled_from([MeasureKind.Rate, MeasureKind.CountOfTotal, MeasureKind.YesNo]))
    comparator = draw(st.sampled_from([Comparator.AtLeast, Comparator.Above, Comparator.Exactly]))
    if kind == MeasureKind.Rate:
        return TargetValue(
            kind=kind, comparator=comparator, value=draw(st.integers(1, 10_000)) / 10_000
        )
    if kind == MeasureKind.CountOfTotal:
        total = draw(st.integers(1, 5_000))
        count = draw(st.integers(1, total))
        return TargetValue(kind=kind, comparator=comparator, value=count, denominator=total)
    return TargetValue(kind=kind, comparator=Comparator.Exactly, value=1.0)


@SETTINGS
@given(targets())
def test_a_target_written_in_vietnamese_reads_back(target: TargetValue) -> None:
    phrase = dtiplan.format_target(target, Language.Vietnamese)
    back = dtiplan.parse_target(phrase)
    assert (back.kind, back.comparator) == (target.kind, target.comparator), phrase
    assert abs(back.value - target.value) < 1e-12, phrase
    assert back.denominator == target.denominator, phrase


# --- plans ------------------------------------------------------------------------------------------


@SETTINGS
@given(title=TEXT, commune=TEXT, name=TEXT, task=TEXT, target=targets())
def test_a_plan_saved_and_loaded_is_the_same_plan(
    title: str, commune: str, name: str, task: str, target: TargetValue
) -> None:
    plan = dtiplan.builtin_plan()
    plan.title = title
    plan.commune = commune
    indicators = plan.indicators
    indicators[0].name = name
    indicators[0].task = task
    first = indicators[0].targets
    first[0].text = dtiplan.format_target(target, Language.Vietnamese)
    first[0].parsed = dtiplan.parse_target(first[0].text)
    indicators[0].targets = first
    indicators[0].kind = target.kind
    plan.indicators = indicators
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kế hoạch.json"
        dtiplan.save_plan(plan, path)
        assert dtiplan.load_plan(path) == plan


# --- observations -------------------------------------------------------------------------------

_EVIDENCE_TEXT = TEXT.map(lambda s: s.replace(";", " ").strip())


@st.composite
def observations(draw: st.DrawFn) -> dtiplan.Observation:
    """One observation of the built-in plan, valid: a value of the indicator's kind, a period in
    the plan's years, sent on or after the period's first day."""
    indicator = draw(st.sampled_from(PLAN.indicators))
    year = draw(st.integers(PLAN.start_year, PLAN.end_year))
    month = draw(st.integers(1, 12))
    period = dtiplan.Period.month(year, month)
    kind = indicator.kind
    if kind == MeasureKind.Rate:
        denominator = draw(st.integers(1, 2_000_000))
        numerator = draw(st.integers(0, denominator))
        value = dtiplan.ObservedValue(numerator / denominator, float(numerator), float(denominator))
        if draw(st.booleans()):
            value = dtiplan.ObservedValue(draw(st.floats(0.0, 1.0)))
    elif kind == MeasureKind.CountOfTotal:
        value = dtiplan.ObservedValue(float(draw(st.integers(0, 2))))
    else:
        value = dtiplan.ObservedValue(float(draw(st.integers(0, 1))))
    evidence = draw(
        st.lists(
            st.builds(dtiplan.Evidence, _EVIDENCE_TEXT, _EVIDENCE_TEXT, _EVIDENCE_TEXT).filter(
                lambda e: e.id or e.title or e.location
            ),
            max_size=3,
        )
    )
    return dtiplan.Observation(
        indicator=indicator.id,
        period=period,
        value=value,
        unit=draw(st.sampled_from(["", *(u.id for u in PLAN.units)])),
        submitted=datetime.date(year, month, 1)
        + datetime.timedelta(days=draw(st.integers(0, 400))),
        evidence=evidence,
        note=draw(TEXT),
    )


@SETTINGS
@given(st.lists(observations(), max_size=8), st.sampled_from([".csv", ".json"]))
def test_observations_written_and_read_are_the_same(
    written: list[dtiplan.Observation], extension: str
) -> None:
    log = dtiplan.ObservationLog(written)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"số liệu{extension}"
        dtiplan.save_observations(log, path)
        back = dtiplan.load_observations(path, PLAN).all()
    assert len(back) == len(written)
    for original, read in zip(written, back):
        read.origin = ""
        assert read == original
