# Hand-written stubs of the compiled module dtiplan._core (bindings/*.cpp). Keep in step with
# the module: tests/python/test_stubs.py fails when a public name is in one and not the other.
# Plan's DataFrame methods (indicators_frame, ...) are attached by dtiplan.plan on import,
# ObservationLog.frame by dtiplan.track and Framework.dti_from_main_indices (accepting any
# mapping) by dtiplan.scoring.

import datetime
import enum
import os
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

__version__: str

# --- errors (bindings/errors.cpp) -------------------------------------------------------------

class Error(ValueError):
    """Base of every dtiplan error about bad input."""

    where: str
    detail: str

class TargetPhraseError(Error): ...
class FormatError(Error): ...
class FileError(Error): ...
class ValidationError(Error): ...

# --- enums (bindings/enums.cpp) ---------------------------------------------------------------

class Language(enum.Enum):
    Vietnamese = 0
    English = 1

class Level(enum.Enum):
    Commune = 0
    Upper = 1
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> Level: ...

class Role(enum.Enum):
    Lead = 0
    Coordinating = 1
    Tracking = 2
    UpperLead = 3
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> Role: ...
    def label(self, lang: Language = ...) -> str: ...

class Pillar(enum.Enum):
    Awareness = 0
    Institution = 1
    Infrastructure = 2
    Workforce = 3
    Security = 4
    Government = 5
    Economy = 6
    Society = 7
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> Pillar: ...
    def label(self, lang: Language = ...) -> str: ...

class MeasureKind(enum.Enum):
    Rate = 0
    CountOfTotal = 1
    YesNo = 2
    Milestone = 3
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> MeasureKind: ...
    def label(self, lang: Language = ...) -> str: ...

class Comparator(enum.Enum):
    AtLeast = 0
    Above = 1
    Exactly = 2
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> Comparator: ...

class Direction(enum.Enum):
    Increase = 0
    Decrease = 1
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> Direction: ...

class Severity(enum.Enum):
    Info = 0
    Warning = 1
    Error = 2
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> Severity: ...
    def label(self, lang: Language = ...) -> str: ...

# --- value types ------------------------------------------------------------------------------
# Every value type: keyword constructor, read-write properties, ==, repr, copy/deepcopy, pickle.
# List-valued properties return copies: assign a new list to change one.

class SourceRef:
    section: str
    item: str
    def __init__(self, section: str = "", item: str = "") -> None: ...
    def describe(self, lang: Language = ...) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __lt__(self, other: SourceRef) -> bool: ...
    def __le__(self, other: SourceRef) -> bool: ...
    def __gt__(self, other: SourceRef) -> bool: ...
    def __ge__(self, other: SourceRef) -> bool: ...
    def __copy__(self) -> SourceRef: ...
    def __deepcopy__(self, memo: Any) -> SourceRef: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Unit:
    id: str
    name: str
    short_name: str
    level: Level
    def __init__(
        self, id: str = "", name: str = "", short_name: str = "", level: Level = ...
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Unit: ...
    def __deepcopy__(self, memo: Any) -> Unit: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class UnitGroup:
    id: str
    name: str
    all_commune_units: bool
    members: list[str]
    note: str
    def __init__(
        self,
        id: str = "",
        name: str = "",
        all_commune_units: bool = False,
        members: list[str] = ...,
        note: str = "",
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> UnitGroup: ...
    def __deepcopy__(self, memo: Any) -> UnitGroup: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class TargetValue:
    TOLERANCE: ClassVar[float]
    kind: MeasureKind
    comparator: Comparator
    value: float
    denominator: float | None
    basis: str
    aspirational: bool
    def __init__(
        self,
        kind: MeasureKind = ...,
        comparator: Comparator = ...,
        value: float = 0.0,
        denominator: float | None = None,
        basis: str = "",
        aspirational: bool = False,
    ) -> None: ...
    def met(self, observed: float) -> bool: ...
    def as_fraction(self) -> float: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> TargetValue: ...
    def __deepcopy__(self, memo: Any) -> TargetValue: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Target:
    year: int
    text: str
    parsed: TargetValue
    source: SourceRef
    year_inferred: bool
    def __init__(
        self,
        year: int = 0,
        text: str = "",
        parsed: TargetValue = ...,
        source: SourceRef = ...,
        year_inferred: bool = False,
    ) -> None: ...
    def met(self, observed: float) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Target: ...
    def __deepcopy__(self, memo: Any) -> Target: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Assignment:
    unit: str
    role: Role
    note: str
    def __init__(self, unit: str = "", role: Role = ..., note: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Assignment: ...
    def __deepcopy__(self, memo: Any) -> Assignment: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ResponsibilityText:
    lead: str
    coordinating: str
    tracking: str
    def __init__(self, lead: str = "", coordinating: str = "", tracking: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ResponsibilityText: ...
    def __deepcopy__(self, memo: Any) -> ResponsibilityText: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Indicator:
    id: str
    name: str
    pillar: Pillar
    kind: MeasureKind
    direction: Direction
    targets: list[Target]
    assignments: list[Assignment]
    responsibility_text: ResponsibilityText
    task: str
    sources: list[SourceRef]
    def __init__(
        self,
        id: str = "",
        name: str = "",
        pillar: Pillar = ...,
        kind: MeasureKind = ...,
        direction: Direction = ...,
        targets: list[Target] = ...,
        assignments: list[Assignment] = ...,
        responsibility_text: ResponsibilityText = ...,
        task: str = "",
        sources: list[SourceRef] = ...,
    ) -> None: ...
    def targets_for(self, year: int) -> list[Target]: ...
    def units_with(self, role: Role) -> list[str]: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Indicator: ...
    def __deepcopy__(self, memo: Any) -> Indicator: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Goal:
    text: str
    top: int
    of: int
    scope: str
    source: SourceRef
    def __init__(
        self, text: str = "", top: int = 10, of: int = 95, scope: str = "", source: SourceRef = ...
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Goal: ...
    def __deepcopy__(self, memo: Any) -> Goal: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ReportingRules:
    unit_report_before_day: int
    consolidated_report_before_day: int
    consolidator: str
    recipient: str
    sources: list[SourceRef]
    def __init__(
        self,
        unit_report_before_day: int = 20,
        consolidated_report_before_day: int = 25,
        consolidator: str = "",
        recipient: str = "",
        sources: list[SourceRef] = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ReportingRules: ...
    def __deepcopy__(self, memo: Any) -> ReportingRules: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Plan:
    id: str
    title: str
    issuer: str
    commune: str
    province: str
    start_year: int
    end_year: int
    milestones: list[int]
    goal: Goal
    reporting: ReportingRules
    units: list[Unit]
    groups: list[UnitGroup]
    indicators: list[Indicator]
    def __init__(
        self,
        id: str = "",
        title: str = "",
        issuer: str = "",
        commune: str = "",
        province: str = "",
        start_year: int = 2026,
        end_year: int = 2030,
        milestones: list[int] = ...,
        goal: Goal = ...,
        reporting: ReportingRules = ...,
        units: list[Unit] = ...,
        groups: list[UnitGroup] = ...,
        indicators: list[Indicator] = ...,
    ) -> None: ...
    def find_unit(self, id: str) -> Unit | None: ...
    def find_group(self, id: str) -> UnitGroup | None: ...
    def find_indicator(self, id: str) -> Indicator | None: ...
    def expand(self, unit_or_group: str) -> list[str]: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    def to_json(self) -> str: ...
    def check(self) -> list[Finding]: ...
    # Attached by dtiplan.plan (pure Python):
    def indicators_frame(self) -> pd.DataFrame: ...
    def targets_frame(self) -> pd.DataFrame: ...
    def responsibilities_frame(self) -> pd.DataFrame: ...
    def responsibility_matrix(self, role: Role | str | None = None) -> pd.DataFrame: ...
    def workload_frame(self) -> pd.DataFrame: ...
    def findings_frame(self) -> pd.DataFrame: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Plan: ...
    def __deepcopy__(self, memo: Any) -> Plan: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Finding:
    severity: Severity
    code: str
    message_vi: str
    message_en: str
    indicators: list[str]
    units: list[str]
    sources: list[SourceRef]
    def __init__(
        self,
        severity: Severity = ...,
        code: str = "",
        message_vi: str = "",
        message_en: str = "",
        indicators: list[str] = ...,
        units: list[str] = ...,
        sources: list[SourceRef] = ...,
    ) -> None: ...
    def message(self, lang: Language = ...) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Finding: ...
    def __deepcopy__(self, memo: Any) -> Finding: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

# --- responsibility (bindings/responsibility.cpp) ---------------------------------------------

class ResponsibilityMatrix:
    def __init__(self, plan: Plan) -> None: ...
    @property
    def indicators(self) -> list[str]: ...
    @property
    def units(self) -> list[str]: ...
    @property
    def roles(self) -> npt.NDArray[np.uint8]: ...
    def incidence(self, role: Role) -> npt.NDArray[np.int32]: ...
    def has(self, indicator: str, unit: str, role: Role) -> bool: ...

class Responsibility:
    indicator: str
    role: Role
    via: str
    def __init__(self, indicator: str = "", role: Role = ..., via: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Responsibility: ...
    def __deepcopy__(self, memo: Any) -> Responsibility: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Workload:
    unit: str
    lead: int
    coordinating: int
    tracking: int
    upper_lead: int
    sole_lead: int
    def __init__(
        self,
        unit: str = "",
        lead: int = 0,
        coordinating: int = 0,
        tracking: int = 0,
        upper_lead: int = 0,
        sole_lead: int = 0,
    ) -> None: ...
    def total(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Workload: ...
    def __deepcopy__(self, memo: Any) -> Workload: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

# --- functions --------------------------------------------------------------------------------

def parse_target_phrase(phrase: str) -> TargetValue: ...
def format_target(value: TargetValue, lang: Language = ...) -> str: ...
def plan_from_json(json_text: str, origin: str = "<string>") -> Plan: ...
def plan_to_json(plan: Plan) -> str: ...
def load_plan(path: str | os.PathLike[str]) -> Plan: ...
def save_plan(plan: Plan, path: str | os.PathLike[str]) -> None: ...
def builtin_plan() -> Plan: ...
def builtin_plan_json() -> str: ...
def check_plan(plan: Plan) -> list[Finding]: ...
def has_errors(findings: list[Finding]) -> bool: ...
def role_bit(role: Role) -> int: ...
def responsibility_matrix(plan: Plan) -> ResponsibilityMatrix: ...
def responsibilities_of(plan: Plan, unit: str) -> list[Responsibility]: ...
def workload(plan: Plan) -> list[Workload]: ...

# --- periods and dates (bindings/period.cpp) --------------------------------------------------

class PeriodKind(enum.Enum):
    Month = 0
    Quarter = 1
    Year = 2

class Period:
    kind: PeriodKind
    year: int
    index: int
    @overload
    def __init__(self, kind: PeriodKind = ..., year: int = 0, index: int = 1) -> None: ...
    @overload
    def __init__(self, text: str) -> None: ...
    @staticmethod
    def month(year: int, month: int) -> Period: ...
    @staticmethod
    def quarter(year: int, quarter: int) -> Period: ...
    @staticmethod
    def whole_year(year: int) -> Period: ...
    @staticmethod
    def parse(text: str) -> Period: ...
    def first_day(self) -> datetime.date: ...
    def last_day(self) -> datetime.date: ...
    def contains(self, date: datetime.date) -> bool: ...
    def __lt__(self, other: Period | str) -> bool: ...
    def __le__(self, other: Period | str) -> bool: ...
    def __gt__(self, other: Period | str) -> bool: ...
    def __ge__(self, other: Period | str) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Period: ...
    def __deepcopy__(self, memo: Any) -> Period: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

_PeriodLike = Period | str
_DateLike = datetime.date | str

def parse_date(text: str) -> datetime.date: ...
def format_date(date: datetime.date | None) -> str: ...

# --- observations (bindings/observation.cpp, observation_io.cpp) ------------------------------

class Evidence:
    id: str
    title: str
    location: str
    def __init__(self, id: str = "", title: str = "", location: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Evidence: ...
    def __deepcopy__(self, memo: Any) -> Evidence: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ObservedValue:
    value: float
    numerator: float | None
    denominator: float | None
    def __init__(
        self, value: float = 0.0, numerator: float | None = None, denominator: float | None = None
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ObservedValue: ...
    def __deepcopy__(self, memo: Any) -> ObservedValue: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Observation:
    indicator: str
    period: Period
    value: ObservedValue
    unit: str
    submitted: datetime.date | None
    evidence: list[Evidence]
    note: str
    origin: str
    def __init__(
        self,
        indicator: str = "",
        period: _PeriodLike = ...,
        value: ObservedValue = ...,
        unit: str = "",
        submitted: _DateLike | None = None,
        evidence: list[Evidence] = ...,
        note: str = "",
        origin: str = "",
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Observation: ...
    def __deepcopy__(self, memo: Any) -> Observation: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ObservationLog:
    observations: list[Observation]
    @overload
    def __init__(self) -> None: ...
    @overload
    def __init__(self, observations: list[Observation]) -> None: ...
    def add(self, observation: Observation) -> None: ...
    def all(self) -> list[Observation]: ...
    def __len__(self) -> int: ...
    def effective(self, indicator: str, period: _PeriodLike) -> Observation | None: ...
    def history(self, indicator: str, period: _PeriodLike) -> list[Observation]: ...
    def effective_all(self) -> list[Observation]: ...
    def effective_indices(self) -> list[int]: ...
    def latest(self, indicator: str, as_of: _DateLike) -> Observation | None: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    def to_csv(self) -> str: ...
    def to_json(self) -> str: ...
    # Attached by dtiplan.track (pure Python):
    def frame(self, effective_only: bool = False) -> pd.DataFrame: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ObservationLog: ...
    def __deepcopy__(self, memo: Any) -> ObservationLog: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def validate_observation(plan: Plan, observation: Observation, where: str = "") -> None: ...
def observations_from_csv(csv_text: str, origin: str, plan: Plan) -> ObservationLog: ...
def observations_to_csv(log: ObservationLog) -> str: ...
def observations_from_json(json_text: str, origin: str, plan: Plan) -> ObservationLog: ...
def observations_to_json(log: ObservationLog) -> str: ...
def load_observations(path: str | os.PathLike[str], plan: Plan) -> ObservationLog: ...
def save_observations(log: ObservationLog, path: str | os.PathLike[str]) -> None: ...

# --- the reporting calendar (bindings/calendar.cpp) -------------------------------------------

class DeadlineShift(enum.Enum):
    Keep = 0
    Earlier = 1
    Later = 2

class ReportState(enum.Enum):
    OnTime = 0
    Late = 1
    Missing = 2
    NotYetDue = 3
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> ReportState: ...
    def label(self, lang: Language = ...) -> str: ...

class HolidayCalendar:
    def __init__(self) -> None: ...
    def add(self, date: _DateLike, name: str) -> None: ...
    def is_holiday(self, date: _DateLike) -> bool: ...
    def holiday_name(self, date: _DateLike) -> str | None: ...
    @staticmethod
    def is_weekend(date: _DateLike) -> bool: ...
    def is_working_day(self, date: _DateLike) -> bool: ...

class Obligation:
    unit: str
    indicator: str
    period: Period
    deadline: datetime.date | None
    consolidated: bool
    def __init__(
        self,
        unit: str = "",
        indicator: str = "",
        period: _PeriodLike = ...,
        deadline: _DateLike | None = None,
        consolidated: bool = False,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Obligation: ...
    def __deepcopy__(self, memo: Any) -> Obligation: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ReportStatus:
    obligation: Obligation
    state: ReportState
    days_late: int
    submitted: datetime.date | None
    def __init__(
        self,
        obligation: Obligation = ...,
        state: ReportState = ...,
        days_late: int = 0,
        submitted: _DateLike | None = None,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ReportStatus: ...
    def __deepcopy__(self, memo: Any) -> ReportStatus: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ReportingCalendar:
    def __init__(
        self, plan: Plan, shift: DeadlineShift = ..., holidays: HolidayCalendar = ...
    ) -> None: ...
    def unit_deadline(self, month: _PeriodLike) -> datetime.date: ...
    def consolidated_deadline(self, month: _PeriodLike) -> datetime.date: ...
    def obligations(self, month: _PeriodLike) -> list[Obligation]: ...
    def status(
        self, month: _PeriodLike, log: ObservationLog, as_of: _DateLike
    ) -> list[ReportStatus]: ...
    def upcoming(self, start: _DateLike, limit: int = 10) -> list[Obligation]: ...
    def indicators_reported_by(self, unit: str) -> list[str]: ...
    @property
    def holidays(self) -> HolidayCalendar: ...
    @property
    def shift(self) -> DeadlineShift: ...

# --- frameworks (bindings/framework.cpp) ------------------------------------------------------

class RuleKind(enum.Enum):
    Proportional = 0
    Steps = 1
    Categorical = 2
    YesNo = 3
    RelativeToBest = 4
    Target = 5
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> RuleKind: ...

class Step:
    threshold: float
    points: float
    def __init__(self, threshold: float = 0.0, points: float = 0.0) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Step: ...
    def __deepcopy__(self, memo: Any) -> Step: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ScoreLevel:
    value: float
    share: float
    label: str
    def __init__(self, value: float = 0.0, share: float = 0.0, label: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ScoreLevel: ...
    def __deepcopy__(self, memo: Any) -> ScoreLevel: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ScoringRule:
    kind: RuleKind
    steps: list[Step]
    levels: list[ScoreLevel]
    def __init__(
        self, kind: RuleKind = ..., steps: list[Step] = ..., levels: list[ScoreLevel] = ...
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ScoringRule: ...
    def __deepcopy__(self, memo: Any) -> ScoringRule: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Component:
    id: str
    name: str
    max_points: float
    rule: ScoringRule
    indicators: list[str]
    source: str
    assumed: bool
    def __init__(
        self,
        id: str = "",
        name: str = "",
        max_points: float = 0.0,
        rule: ScoringRule = ...,
        indicators: list[str] = ...,
        source: str = "",
        assumed: bool = False,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Component: ...
    def __deepcopy__(self, memo: Any) -> Component: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class MainIndicator:
    id: str
    name: str
    name_en: str
    pillar: Pillar
    max_points: float
    components: list[Component]
    def __init__(
        self,
        id: str = "",
        name: str = "",
        name_en: str = "",
        pillar: Pillar = ...,
        max_points: float = 0.0,
        components: list[Component] = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> MainIndicator: ...
    def __deepcopy__(self, memo: Any) -> MainIndicator: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Framework:
    id: str
    name: str
    sources: str
    assumptions: str
    main_indicators: list[MainIndicator]
    def __init__(
        self,
        id: str = "",
        name: str = "",
        sources: str = "",
        assumptions: str = "",
        main_indicators: list[MainIndicator] = ...,
    ) -> None: ...
    def max_points(self) -> float: ...
    def component_count(self) -> int: ...
    def find_main(self, id_or_name: str) -> MainIndicator | None: ...
    def find_component(self, id: str) -> Component | None: ...
    def dti_from_main_indices(self, indices: Mapping[str, float] | pd.Series) -> float: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Framework: ...
    def __deepcopy__(self, memo: Any) -> Framework: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def framework_from_json(json_text: str, origin: str = "<string>") -> Framework: ...
def framework_to_json(framework: Framework) -> str: ...
def load_framework(path: str | os.PathLike[str]) -> Framework: ...
def save_framework(framework: Framework, path: str | os.PathLike[str]) -> None: ...
def builtin_framework() -> Framework: ...

# --- scoring (bindings/scoring.cpp) -----------------------------------------------------------

class ComponentScore:
    component: str
    main: str
    value: float | None
    points: float
    max_points: float
    def __init__(
        self,
        component: str = "",
        main: str = "",
        value: float | None = None,
        points: float = 0.0,
        max_points: float = 0.0,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ComponentScore: ...
    def __deepcopy__(self, memo: Any) -> ComponentScore: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class MainScore:
    id: str
    points: float
    max_points: float
    def __init__(self, id: str = "", points: float = 0.0, max_points: float = 0.0) -> None: ...
    def index(self) -> float: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> MainScore: ...
    def __deepcopy__(self, memo: Any) -> MainScore: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ScoreCard:
    components: list[ComponentScore]
    mains: list[MainScore]
    points: float
    max_points: float
    def __init__(
        self,
        components: list[ComponentScore] = ...,
        mains: list[MainScore] = ...,
        points: float = 0.0,
        max_points: float = 0.0,
    ) -> None: ...
    def dti(self) -> float: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ScoreCard: ...
    def __deepcopy__(self, memo: Any) -> ScoreCard: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class CoverageGap:
    component: str
    main: str
    points: float
    indicator: str
    def __init__(
        self, component: str = "", main: str = "", points: float = 0.0, indicator: str = ""
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> CoverageGap: ...
    def __deepcopy__(self, memo: Any) -> CoverageGap: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Coverage:
    untracked_components: list[CoverageGap]
    unscored_indicators: list[str]
    unknown_indicators: list[str]
    tracked_points: float
    untracked_points: float
    untracked_by_main: dict[str, float]
    def __init__(
        self,
        untracked_components: list[CoverageGap] = ...,
        unscored_indicators: list[str] = ...,
        unknown_indicators: list[str] = ...,
        tracked_points: float = 0.0,
        untracked_points: float = 0.0,
        untracked_by_main: dict[str, float] = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Coverage: ...
    def __deepcopy__(self, memo: Any) -> Coverage: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def rule_points(
    rule: ScoringRule,
    value: float,
    max_points: float,
    best: float | None = None,
    target: TargetValue | None = None,
) -> float: ...
def score(
    framework: Framework,
    values: Mapping[str, float],
    *,
    best: Mapping[str, float] = ...,
    plan: Plan | None = None,
    year: int = 0,
) -> ScoreCard: ...
def dti_from_main_indices(framework: Framework, indices: Mapping[str, float]) -> float: ...
def round_to(value: float, decimals: int) -> float: ...
def competition_rank(values: list[float], decimals: int = -1) -> list[int]: ...
def coverage(framework: Framework, plan: Plan) -> Coverage: ...

# --- attainment and the units' board (bindings/attainment.cpp, scorecard.cpp) ------------------

class Attainment:
    indicator: str
    target: Target | None
    target_conflict: bool
    value: float | None
    period: Period | None
    met: bool | None
    gap: float | None
    def __init__(
        self,
        indicator: str = "",
        target: Target | None = None,
        target_conflict: bool = False,
        value: float | None = None,
        period: _PeriodLike | None = None,
        met: bool | None = None,
        gap: float | None = None,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Attainment: ...
    def __deepcopy__(self, memo: Any) -> Attainment: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def target_in_force(indicator: Indicator, plan: Plan, year: int) -> tuple[Target | None, bool]: ...
def as_fraction(
    value: ObservedValue, indicator: Indicator, target: Target | None = None
) -> float: ...
def attainment(plan: Plan, log: ObservationLog, as_of: _DateLike) -> list[Attainment]: ...

class UnitScorecard:
    unit: str
    indicators: int
    with_value: int
    met: int
    reports_due: int
    reports_on_time: int
    on_time_rate: float
    points: float
    max_points: float
    score: float
    rank: int
    def __init__(
        self,
        unit: str = "",
        indicators: int = 0,
        with_value: int = 0,
        met: int = 0,
        reports_due: int = 0,
        reports_on_time: int = 0,
        on_time_rate: float = 0.0,
        points: float = 0.0,
        max_points: float = 0.0,
        score: float = 0.0,
        rank: int = 0,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> UnitScorecard: ...
    def __deepcopy__(self, memo: Any) -> UnitScorecard: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def unit_scorecards(
    plan: Plan,
    framework: Framework,
    log: ObservationLog,
    calendar: ReportingCalendar,
    as_of: _DateLike,
) -> list[UnitScorecard]: ...

# --- projection (bindings/series.cpp, trend.cpp, progress.cpp, projection.cpp) ----------------

class Series:
    indicator: str
    frequency: PeriodKind
    periods: list[Period]
    values: list[float]
    def __init__(
        self,
        indicator: str = "",
        frequency: PeriodKind = ...,
        periods: list[Period] = ...,
        values: list[float] = ...,
    ) -> None: ...
    def __len__(self) -> int: ...
    def times(self) -> list[float]: ...
    def gaps(self) -> list[Period]: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Series: ...
    def __deepcopy__(self, memo: Any) -> Series: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class TrendModel(enum.Enum):
    Linear = 0
    WeightedLinear = 1
    Growth = 2
    Logistic = 3
    LastValue = 4
    Auto = 5
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> TrendModel: ...

class TrendOptions:
    half_life: float
    min_points: int
    holdout: int
    lower_bound: float | None
    upper_bound: float | None
    logit_epsilon: float
    def __init__(
        self,
        half_life: float = 1.0,
        min_points: int = 3,
        holdout: int = 3,
        lower_bound: float | None = None,
        upper_bound: float | None = None,
        logit_epsilon: float = 0.001,
    ) -> None: ...
    def __copy__(self) -> TrendOptions: ...
    def __deepcopy__(self, memo: Any) -> TrendOptions: ...

class Forecast:
    time: float
    mean: float
    lower: float
    upper: float
    level: float
    working_mean: float
    working_sd: float
    def __init__(
        self,
        time: float = 0.0,
        mean: float = 0.0,
        lower: float = 0.0,
        upper: float = 0.0,
        level: float = 0.95,
        working_mean: float = 0.0,
        working_sd: float = 0.0,
    ) -> None: ...
    def __copy__(self) -> Forecast: ...
    def __deepcopy__(self, memo: Any) -> Forecast: ...

class Trend:
    @property
    def model(self) -> TrendModel: ...
    @property
    def coefficients(self) -> npt.NDArray[np.float64]: ...
    @property
    def sigma(self) -> float: ...
    @property
    def points(self) -> int: ...
    @property
    def last_time(self) -> float: ...
    def forecast(self, time: float) -> float: ...
    def interval(self, time: float, level: float = 0.95) -> Forecast: ...
    def from_working(self, w: float) -> float: ...
    def __copy__(self) -> Trend: ...
    def __deepcopy__(self, memo: Any) -> Trend: ...

class TrendFit:
    requested: TrendModel
    trend: Trend | None
    reason: str
    errors: dict[TrendModel, float]
    def __init__(
        self,
        requested: TrendModel = ...,
        trend: Trend | None = None,
        reason: str = "",
        errors: dict[TrendModel, float] = ...,
    ) -> None: ...
    @property
    def sufficient(self) -> bool: ...
    def __copy__(self) -> TrendFit: ...
    def __deepcopy__(self, memo: Any) -> TrendFit: ...

class ProgressMethod(enum.Enum):
    OpenSdg = 0
    Unsd = 1
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> ProgressMethod: ...

class ProgressCategory(enum.Enum):
    TargetAchieved = 0
    OnTrack = 1
    AccelerationNeeded = 2
    LimitedProgress = 3
    Deterioration = 4
    InsufficientData = 5
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> ProgressCategory: ...
    def label(self, lang: Language = ...) -> str: ...

class ProgressInput:
    base_time: float
    base_value: float
    current_time: float
    current_value: float
    target_time: float
    target_value: float
    direction: Direction
    strict: bool
    bounded_rate: bool
    def __init__(
        self,
        base_time: float = 0.0,
        base_value: float = 0.0,
        current_time: float = 0.0,
        current_value: float = 0.0,
        target_time: float = 0.0,
        target_value: float = 0.0,
        direction: Direction = ...,
        strict: bool = False,
        bounded_rate: bool = True,
    ) -> None: ...
    def __copy__(self) -> ProgressInput: ...
    def __deepcopy__(self, memo: Any) -> ProgressInput: ...

class ProgressResult:
    method: ProgressMethod
    category: ProgressCategory
    ratio: float | None
    observed_growth: float | None
    required_growth: float | None
    projected_value: float | None
    explanation: str
    def __init__(
        self,
        method: ProgressMethod = ...,
        category: ProgressCategory = ...,
        ratio: float | None = None,
        observed_growth: float | None = None,
        required_growth: float | None = None,
        projected_value: float | None = None,
        explanation: str = "",
    ) -> None: ...
    def __copy__(self) -> ProgressResult: ...
    def __deepcopy__(self, memo: Any) -> ProgressResult: ...

class TrajectoryShape(enum.Enum):
    Linear = 0
    Step = 1
    SCurve = 2
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> TrajectoryShape: ...

class TrajectoryPoint:
    date: datetime.date | None
    value: float
    def __init__(self, date: _DateLike | None = None, value: float = 0.0) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> TrajectoryPoint: ...
    def __deepcopy__(self, memo: Any) -> TrajectoryPoint: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Trajectory:
    def __init__(self, points: list[TrajectoryPoint], shape: TrajectoryShape = ...) -> None: ...
    def expected(self, date: _DateLike) -> float: ...
    def gap(self, date: _DateLike, value: float) -> float: ...
    @property
    def points(self) -> list[TrajectoryPoint]: ...
    @property
    def shape(self) -> TrajectoryShape: ...

class IndicatorProjection:
    indicator: str
    fit: TrendFit
    forecast: Forecast | None
    fraction: float | None
    def __init__(
        self,
        indicator: str = "",
        fit: TrendFit = ...,
        forecast: Forecast | None = None,
        fraction: float | None = None,
    ) -> None: ...
    def __copy__(self) -> IndicatorProjection: ...
    def __deepcopy__(self, memo: Any) -> IndicatorProjection: ...

class Summary:
    mean: float
    median: float
    p05: float
    p95: float
    sd: float
    def __init__(
        self,
        mean: float = 0.0,
        median: float = 0.0,
        p05: float = 0.0,
        p95: float = 0.0,
        sd: float = 0.0,
    ) -> None: ...
    def __copy__(self) -> Summary: ...
    def __deepcopy__(self, memo: Any) -> Summary: ...

class ProjectionOptions:
    model: TrendModel
    trend: TrendOptions
    draws: int
    seed: int
    level: float
    hold_last_value: bool
    def __init__(
        self,
        model: TrendModel = ...,
        trend: TrendOptions = ...,
        draws: int = 10000,
        seed: int = 20260101,
        level: float = 0.95,
        hold_last_value: bool = True,
    ) -> None: ...
    def __copy__(self) -> ProjectionOptions: ...
    def __deepcopy__(self, memo: Any) -> ProjectionOptions: ...

class DtiProjection:
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def evaluation(self) -> datetime.date: ...
    @property
    def indicators(self) -> list[IndicatorProjection]: ...
    @property
    def samples(self) -> npt.NDArray[np.float64]: ...
    @property
    def main_samples(self) -> dict[str, npt.NDArray[np.float64]]: ...
    @property
    def dti(self) -> Summary: ...
    @property
    def mains(self) -> dict[str, Summary]: ...

def decimal_year(date: _DateLike | None) -> float: ...
def date_from_decimal_year(time: float) -> datetime.date: ...
def series_from_log(
    log: ObservationLog,
    indicator: str,
    as_of: _DateLike,
    frequency: PeriodKind | None = None,
) -> Series: ...
def fit_trend(
    times: list[float],
    values: list[float],
    model: TrendModel = ...,
    options: TrendOptions = ...,
) -> TrendFit: ...
def progress_status(input: ProgressInput, method: ProgressMethod = ...) -> ProgressResult: ...
def target_trajectory(
    plan: Plan, indicator: Indicator, baseline: TrajectoryPoint, shape: TrajectoryShape = ...
) -> Trajectory: ...
def summarize(samples: list[float]) -> Summary: ...
def project_dti(
    plan: Plan,
    framework: Framework,
    log: ObservationLog,
    as_of: _DateLike,
    evaluation: _DateLike,
    options: ProjectionOptions = ...,
) -> DtiProjection: ...

# --- The rank engine (docs/rank.md) ---
# bindings/rank_peers.cpp: peer tables, peer evolution, the own score, the rank distribution,
# the points needed and the untracked components.

class PeerResult:
    unit: str
    year: int
    dti: float
    main_indices: dict[str, float]
    components: dict[str, float]
    illustrative: bool
    origin: str
    def __init__(
        self,
        unit: str = "",
        year: int = 0,
        dti: float = 0.0,
        main_indices: Mapping[str, float] = ...,
        components: Mapping[str, float] = ...,
        illustrative: bool = False,
        origin: str = "",
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> PeerResult: ...
    def __deepcopy__(self, memo: Any) -> PeerResult: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class PeerTable:
    results: list[PeerResult]
    def __init__(self, results: list[PeerResult] = ...) -> None: ...
    def latest(self, max_year: int = 0) -> list[PeerResult]: ...
    def find(self, unit: str, year: int) -> PeerResult | None: ...
    def units(self) -> list[str]: ...
    @property
    def illustrative(self) -> bool: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> PeerTable: ...
    def __deepcopy__(self, memo: Any) -> PeerTable: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def validate_peer_table(table: PeerTable, framework: Framework | None = None) -> None: ...
def peers_from_csv(text: str, origin: str, framework: Framework | None = None) -> PeerTable: ...
def peers_to_csv(table: PeerTable, framework: Framework | None = None) -> str: ...
def load_peers(
    path: str | os.PathLike[str], framework: Framework | None = None
) -> PeerTable: ...
def save_peers(
    table: PeerTable, path: str | os.PathLike[str], framework: Framework | None = None
) -> None: ...

class GrowthModel:
    mean: float
    sd: float
    shock_sd: float
    unit_mean: dict[str, float]
    unit_sd: dict[str, float]
    def __init__(
        self,
        mean: float = 0.0,
        sd: float = 0.0,
        shock_sd: float = 0.0,
        unit_mean: Mapping[str, float] = ...,
        unit_sd: Mapping[str, float] = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> GrowthModel: ...
    def __deepcopy__(self, memo: Any) -> GrowthModel: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class GrowthEstimate:
    model: GrowthModel
    changes: int
    units: int
    periods: int
    shock_estimated: bool
    def __init__(
        self,
        model: GrowthModel = ...,
        changes: int = 0,
        units: int = 0,
        periods: int = 0,
        shock_estimated: bool = False,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> GrowthEstimate: ...
    def __deepcopy__(self, memo: dict[int, object]) -> GrowthEstimate: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def estimate_growth(peers: PeerTable, max_year: int = 0) -> GrowthEstimate: ...

class PeerForecast:
    unit: str
    last: float
    year: int
    years: float
    mean: float
    sd: float
    shock: float
    illustrative: bool
    def __init__(
        self,
        unit: str = "",
        last: float = 0.0,
        year: int = 0,
        years: float = 0.0,
        mean: float = 0.0,
        sd: float = 0.0,
        shock: float = 0.0,
        illustrative: bool = False,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> PeerForecast: ...
    def __deepcopy__(self, memo: Any) -> PeerForecast: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def years_elapsed(year: int, evaluation: _DateLike) -> float: ...
def evolve_peers(
    peers: PeerTable, growth: GrowthModel, evaluation: _DateLike, exclude_unit: str = ""
) -> list[PeerForecast]: ...
def validate_peer_forecasts(peers: list[PeerForecast]) -> None: ...

class OwnScore:
    mean: float
    sd: float
    samples: list[float]
    def __init__(
        self,
        mean: float = 0.0,
        sd: float = 0.0,
        samples: list[float] | npt.NDArray[np.float64] = ...,
    ) -> None: ...
    @staticmethod
    def normal(mean: float, sd: float) -> OwnScore: ...
    @staticmethod
    def from_samples(samples: list[float] | npt.NDArray[np.float64]) -> OwnScore: ...
    @property
    def has_samples(self) -> bool: ...
    def expected(self) -> float: ...
    def shifted(self, delta: float) -> OwnScore: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> OwnScore: ...
    def __deepcopy__(self, memo: Any) -> OwnScore: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def validate_own_score(own: OwnScore) -> None: ...

class RankMethod(enum.Enum):
    Exact = 0
    MonteCarlo = 1

class RankDistribution:
    method: RankMethod
    pmf: list[float]
    draws: int
    def __init__(
        self, method: RankMethod = ..., pmf: list[float] = ..., draws: int = 0
    ) -> None: ...
    @property
    def units(self) -> int: ...
    def prob(self, rank: int) -> float: ...
    def prob_top(self, k: int) -> float: ...
    def expected(self) -> float: ...
    def sd(self) -> float: ...
    def quantile(self, q: float) -> int: ...
    def standard_error(self, rank: int) -> float: ...
    def prob_top_standard_error(self, k: int) -> float: ...
    def expected_standard_error(self) -> float: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> RankDistribution: ...
    def __deepcopy__(self, memo: Any) -> RankDistribution: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def rank_distribution_from_counts(counts: list[int]) -> RankDistribution: ...

class ExactOptions:
    decimals: int
    max_points: int
    shock_nodes: int
    truncation: float
    def __init__(
        self,
        decimals: int = 4,
        max_points: int = 4096,
        shock_nodes: int = 64,
        truncation: float = 1e-16,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ExactOptions: ...
    def __deepcopy__(self, memo: Any) -> ExactOptions: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class MonteCarloOptions:
    decimals: int
    draws: int
    seed: int
    threads: int
    def __init__(
        self, decimals: int = 4, draws: int = 100000, seed: int = 20260101, threads: int = 0
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> MonteCarloOptions: ...
    def __deepcopy__(self, memo: Any) -> MonteCarloOptions: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def rank_distribution_exact(
    own: OwnScore, peers: list[PeerForecast], options: ExactOptions = ...
) -> RankDistribution: ...
def rank_distribution_montecarlo(
    own: OwnScore, peers: list[PeerForecast], options: MonteCarloOptions = ...
) -> RankDistribution: ...

class PointsNeededOptions:
    top: int
    probability: float
    keep_own_spread: bool
    exact: ExactOptions
    def __init__(
        self,
        top: int = 10,
        probability: float = 0.5,
        keep_own_spread: bool = False,
        exact: ExactOptions = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> PointsNeededOptions: ...
    def __deepcopy__(self, memo: Any) -> PointsNeededOptions: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class PointsNeeded:
    top: int
    probability: float
    reachable: bool
    dti: float
    points: float
    max_points: float
    projected_dti: float
    gap_dti: float
    gap_points: float
    prob_at_projection: float
    prob_at_needed: float
    def __init__(
        self,
        top: int = 10,
        probability: float = 0.5,
        reachable: bool = False,
        dti: float = 0.0,
        points: float = 0.0,
        max_points: float = 0.0,
        projected_dti: float = 0.0,
        gap_dti: float = 0.0,
        gap_points: float = 0.0,
        prob_at_projection: float = 0.0,
        prob_at_needed: float = 0.0,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> PointsNeeded: ...
    def __deepcopy__(self, memo: Any) -> PointsNeeded: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def points_needed(
    own: OwnScore,
    peers: list[PeerForecast],
    max_points: float,
    options: PointsNeededOptions = ...,
) -> PointsNeeded: ...

class UntrackedBasis(enum.Enum):
    Zero = 0
    PeerMedian = 1
    Fixed = 2
    @property
    def spelling(self) -> str: ...
    @classmethod
    def from_spelling(cls, spelling: str) -> UntrackedBasis: ...

class UntrackedAssumption:
    basis: UntrackedBasis
    value: float
    def __init__(self, basis: UntrackedBasis = ..., value: float = 0.0) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> UntrackedAssumption: ...
    def __deepcopy__(self, memo: Any) -> UntrackedAssumption: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class UntrackedFill:
    basis: UntrackedBasis
    points: float
    untracked_points: float
    max_points: float
    fraction_by_main: dict[str, float]
    points_by_main: dict[str, float]
    peers_used: int
    def __init__(
        self,
        basis: UntrackedBasis = ...,
        points: float = 0.0,
        untracked_points: float = 0.0,
        max_points: float = 0.0,
        fraction_by_main: Mapping[str, float] = ...,
        points_by_main: Mapping[str, float] = ...,
        peers_used: int = 0,
    ) -> None: ...
    def dti(self) -> float: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> UntrackedFill: ...
    def __deepcopy__(self, memo: Any) -> UntrackedFill: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def untracked_fill(
    framework: Framework,
    coverage: Coverage,
    assumption: UntrackedAssumption = ...,
    peers: PeerTable = ...,
    max_year: int = 0,
    exclude_unit: str = "",
) -> UntrackedFill: ...

# bindings/rank_simulation.cpp: the component model, everyone's rank at once, the synthetic
# province.

class ComponentModel:
    units: list[str]
    components: list[str]
    mean: npt.NDArray[np.float64]
    sd: npt.NDArray[np.float64]
    illustrative: bool
    def __init__(
        self,
        units: list[str] = ...,
        components: list[str] = ...,
        mean: npt.NDArray[np.float64] = ...,
        sd: npt.NDArray[np.float64] = ...,
        illustrative: bool = False,
    ) -> None: ...
    @property
    def unit_count(self) -> int: ...
    @property
    def component_count(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ComponentModel: ...
    def __deepcopy__(self, memo: Any) -> ComponentModel: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def component_ids(framework: Framework) -> list[str]: ...
def validate_component_model(model: ComponentModel, framework: Framework) -> None: ...
def dti_at_means(model: ComponentModel, framework: Framework) -> list[float]: ...

class SimulationOptions:
    draws: int
    seed: int
    threads: int
    decimals: int
    top: int
    targets: dict[str, TargetValue]
    reference_scoring: bool
    def __init__(
        self,
        draws: int = 10000,
        seed: int = 20260101,
        threads: int = 0,
        decimals: int = 4,
        top: int = 10,
        targets: Mapping[str, TargetValue] = ...,
        reference_scoring: bool = False,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> SimulationOptions: ...
    def __deepcopy__(self, memo: Any) -> SimulationOptions: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class UnitRankSummary:
    unit: str
    expected_rank: float
    rank_sd: float
    median_rank: int
    p05_rank: int
    p95_rank: int
    prob_top: float
    prob_top_standard_error: float
    mean_dti: float
    sd_dti: float
    def __init__(
        self,
        unit: str = "",
        expected_rank: float = 0.0,
        rank_sd: float = 0.0,
        median_rank: int = 0,
        p05_rank: int = 0,
        p95_rank: int = 0,
        prob_top: float = 0.0,
        prob_top_standard_error: float = 0.0,
        mean_dti: float = 0.0,
        sd_dti: float = 0.0,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> UnitRankSummary: ...
    def __deepcopy__(self, memo: Any) -> UnitRankSummary: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class RankSimulation:
    units: list[str]
    probabilities: npt.NDArray[np.float64]
    summaries: list[UnitRankSummary]
    draws: int
    seed: int
    decimals: int
    top: int
    illustrative: bool
    def __init__(
        self,
        units: list[str] = ...,
        probabilities: npt.NDArray[np.float64] = ...,
        summaries: list[UnitRankSummary] = ...,
        draws: int = 0,
        seed: int = 0,
        decimals: int = 4,
        top: int = 10,
        illustrative: bool = False,
    ) -> None: ...
    def distribution(self, unit: int) -> RankDistribution: ...
    def standard_error(self, unit: int, rank: int) -> float: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> RankSimulation: ...
    def __deepcopy__(self, memo: Any) -> RankSimulation: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class SimulationCancelled(RuntimeError): ...

def simulate_ranks(
    framework: Framework,
    model: ComponentModel,
    options: SimulationOptions = ...,
    progress: Callable[[int, int], bool | None] | None = None,
) -> RankSimulation: ...

class SyntheticOptions:
    units: int
    seed: int
    dti_low: float
    dti_high: float
    shape_a: float
    shape_b: float
    component_spread: float
    unit_spread: float
    value_sd: float
    year: int
    def __init__(
        self,
        units: int = 95,
        seed: int = 20250701,
        dti_low: float = 0.5,
        dti_high: float = 0.92,
        shape_a: float = 2.0,
        shape_b: float = 2.5,
        component_spread: float = 0.6,
        unit_spread: float = 0.5,
        value_sd: float = 0.05,
        year: int = 2025,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> SyntheticOptions: ...
    def __deepcopy__(self, memo: Any) -> SyntheticOptions: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class SyntheticProvince:
    model: ComponentModel
    dti: list[float]
    target_dti: list[float]
    peers: PeerTable
    description: str
    def __init__(
        self,
        model: ComponentModel = ...,
        dti: list[float] = ...,
        target_dti: list[float] = ...,
        peers: PeerTable = ...,
        description: str = "",
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> SyntheticProvince: ...
    def __deepcopy__(self, memo: Any) -> SyntheticProvince: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def synthetic_province(framework: Framework, options: SyntheticOptions = ...) -> SyntheticProvince: ...

DONG_NAI_COMMUNE_UNITS: int
NATIONAL_COMMUNE_UNITS: int

# bindings/rank_planner.cpp: the improvement planner.

class ImprovementOption:
    indicator: str
    from_: float
    to_max: float
    step: float
    effort_per_step: float
    lead_units: list[str]
    def __init__(
        self,
        indicator: str = "",
        from_: float = 0.0,
        to_max: float = 1.0,
        step: float = 0.01,
        effort_per_step: float = 1.0,
        lead_units: list[str] = ...,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ImprovementOption: ...
    def __deepcopy__(self, memo: Any) -> ImprovementOption: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ImprovementDefaults:
    rate_step: float
    no_forecast_room: float
    no_forecast_sd: float
    yes_no_effort: float
    def __init__(
        self,
        rate_step: float = 0.01,
        no_forecast_room: float = 0.2,
        no_forecast_sd: float = 0.1,
        yes_no_effort: float = 2.0,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ImprovementDefaults: ...
    def __deepcopy__(self, memo: Any) -> ImprovementDefaults: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Action:
    indicator: str
    components: list[str]
    from_: float
    to: float
    steps: int
    points_gained: float
    effort: float
    lead_units: list[str]
    prob_top_after: float
    def __init__(
        self,
        indicator: str = "",
        components: list[str] = ...,
        from_: float = 0.0,
        to: float = 0.0,
        steps: int = 0,
        points_gained: float = 0.0,
        effort: float = 0.0,
        lead_units: list[str] = ...,
        prob_top_after: float = 0.0,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> Action: ...
    def __deepcopy__(self, memo: Any) -> Action: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class ImprovementPlan:
    actions: list[Action]
    reaches: bool
    points_needed: float
    points_gained: float
    total_effort: float
    max_points: float
    top: int
    prob_top_before: float
    prob_top_after: float
    frontier_size: int
    def __init__(
        self,
        actions: list[Action] = ...,
        reaches: bool = False,
        points_needed: float = 0.0,
        points_gained: float = 0.0,
        total_effort: float = 0.0,
        max_points: float = 0.0,
        top: int = 10,
        prob_top_before: float = 0.0,
        prob_top_after: float = 0.0,
        frontier_size: int = 0,
    ) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __copy__(self) -> ImprovementPlan: ...
    def __deepcopy__(self, memo: Any) -> ImprovementPlan: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def projected_values(
    projection: DtiProjection, held: Mapping[str, float] = ...
) -> dict[str, float]: ...
def default_improvement_options(
    plan: Plan,
    framework: Framework,
    projection: DtiProjection,
    held: Mapping[str, float] = ...,
    defaults: ImprovementDefaults = ...,
) -> list[ImprovementOption]: ...
def plan_improvements(
    framework: Framework,
    projected: Mapping[str, float],
    options: list[ImprovementOption],
    own: OwnScore,
    peers: list[PeerForecast],
    *,
    points_needed: float | None = None,
    budget: float | None = None,
    top: int = 10,
    probability: float = 0.5,
    best: Mapping[str, float] = ...,
    plan: Plan | None = None,
    year: int = 0,
    exact: ExactOptions = ...,
    max_frontier: int = 2000000,
) -> ImprovementPlan: ...
