"""dtiplan: plan, check and track a Vietnamese commune's Digital Transformation Index (DTI) plan.

The value types (:class:`Plan`, :class:`Indicator`, :class:`Target`, ...), the loaders and the
checker come from the compiled core; this package adds pandas DataFrames and the ``dtiplan``
command. Quick start::

    import dtiplan
    plan = dtiplan.builtin_plan()              # Đại Phước 2026-2030, built in
    plan.indicators_frame()                    # one row per indicator
    findings = plan.check()                    # what the plan gets wrong
    dtiplan.findings_frame(findings)
    plan.save("ke-hoach.json")                 # atomic; dtiplan.load_plan() reads it back
    dtiplan.parse_target("Trên 80%")           # TargetValue(rate, above 0.8)
"""

from __future__ import annotations

from ._core import (
    Assignment,
    Comparator,
    Direction,
    Error,
    FileError,
    Finding,
    FormatError,
    Goal,
    Indicator,
    Language,
    Level,
    MeasureKind,
    Pillar,
    Plan,
    ReportingRules,
    Responsibility,
    ResponsibilityMatrix,
    ResponsibilityText,
    Role,
    Severity,
    SourceRef,
    Target,
    TargetPhraseError,
    TargetValue,
    Unit,
    UnitGroup,
    ValidationError,
    Workload,
    __version__,
    builtin_plan,
    builtin_plan_json,
    check_plan,
    format_target,
    has_errors,
    load_plan,
    parse_target_phrase,
    plan_from_json,
    plan_to_json,
    responsibilities_of,
    role_bit,
    save_plan,
    workload,
)
from .plan import (
    findings_frame,
    indicators_frame,
    responsibilities_frame,
    responsibility_matrix,
    targets_frame,
    workload_frame,
)

#: Parse a Vietnamese target phrase: ``parse_target("Trên 80%")`` (same as parse_target_phrase).
parse_target = parse_target_phrase

__all__ = [
    "Assignment",
    "Comparator",
    "Direction",
    "Error",
    "FileError",
    "Finding",
    "FormatError",
    "Goal",
    "Indicator",
    "Language",
    "Level",
    "MeasureKind",
    "Pillar",
    "Plan",
    "ReportingRules",
    "Responsibility",
    "ResponsibilityMatrix",
    "ResponsibilityText",
    "Role",
    "Severity",
    "SourceRef",
    "Target",
    "TargetPhraseError",
    "TargetValue",
    "Unit",
    "UnitGroup",
    "ValidationError",
    "Workload",
    "__version__",
    "builtin_plan",
    "builtin_plan_json",
    "check_plan",
    "findings_frame",
    "format_target",
    "has_errors",
    "indicators_frame",
    "load_plan",
    "parse_target",
    "parse_target_phrase",
    "plan_from_json",
    "plan_to_json",
    "responsibilities_frame",
    "responsibilities_of",
    "responsibility_matrix",
    "role_bit",
    "save_plan",
    "targets_frame",
    "workload",
    "workload_frame",
]
