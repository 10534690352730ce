"""The report layer: every output of the ``dtiplan`` command, as text, JSON and CSV.

Every verb has the same shape: a data function reads the library's results into plain dicts
and lists (``status_data``, ``project_data``, ``rank_data``, ...); renderers write that data as
text (``*_text``: Vietnamese by default, English with ``lang="en"``; decimal comma, tables that
fit a terminal), JSON (the data itself, or ``*_json`` where a few fields are for the text only)
and CSV (``*_csv``: stable English column names, Vietnamese text as written). For ``show``,
``check`` and ``matrix`` the data is the plan itself (and its findings), ``*_json`` its JSON.
How numbers, dates, widths, tables, unit labels and CSV cells are written lives once, in
:mod:`dtiplan.report._format`. Nothing here decides anything the library has not.

Modules: ``plan`` (show, check, matrix), ``status``, ``deadlines``, ``units``, ``monthly``
(the ``report`` verb), ``projection`` (``project``), ``rank`` (``rank``, ``improve``,
``rank --everyone``), ``scenario`` (``whatif``), ``assessment`` (the annual self-assessment
form), ``dossiers`` (a dossier export's rates and "nửa vời" cases). For ``--output``:
``tables`` (each verb's data as typed tables), ``workbook`` (.xlsx), ``textfiles`` (.csv files,
.md), ``html`` (.html), ``docx`` (the Word report and form); see docs/documents.md.
"""

from __future__ import annotations

from ._format import LANGUAGES
from .assessment import assessment_data, assessment_tables, assessment_text
from .deadlines import deadlines_csv, deadlines_data, deadlines_text
from .dossiers import (
    dossiers_csv,
    dossiers_data,
    dossiers_tables,
    dossiers_text,
    report_dossiers_data,
)
from .monthly import (
    check_summary_data,
    check_summary_text,
    report_csv,
    report_data,
    report_text,
    report_title,
)
from .plan import (
    ROLE_LETTERS,
    check_csv,
    check_json,
    check_text,
    matrix_csv,
    matrix_json,
    matrix_text,
    plan_header,
    show_csv,
    show_json,
    show_text,
    summary_counts,
)
from .projection import project_csv, project_data, project_text
from .rank import (
    everyone_csv,
    everyone_data,
    everyone_json,
    everyone_text,
    improve_csv,
    improve_data,
    improve_json,
    improve_text,
    rank_csv,
    rank_data,
    rank_json,
    rank_text,
)
from .scenario import whatif_csv, whatif_data, whatif_tables, whatif_text
from .status import scorecard, status_csv, status_data, status_text
from .units import units_csv, units_data, units_text

__all__ = [
    "LANGUAGES",
    "ROLE_LETTERS",
    "assessment_data",
    "assessment_tables",
    "assessment_text",
    "check_csv",
    "check_json",
    "check_summary_data",
    "check_summary_text",
    "check_text",
    "deadlines_csv",
    "deadlines_data",
    "deadlines_text",
    "dossiers_csv",
    "dossiers_data",
    "dossiers_tables",
    "dossiers_text",
    "everyone_csv",
    "everyone_data",
    "everyone_json",
    "everyone_text",
    "improve_csv",
    "improve_data",
    "improve_json",
    "improve_text",
    "matrix_csv",
    "matrix_json",
    "matrix_text",
    "plan_header",
    "project_csv",
    "project_data",
    "project_text",
    "rank_csv",
    "rank_data",
    "rank_json",
    "rank_text",
    "report_csv",
    "report_data",
    "report_dossiers_data",
    "report_text",
    "report_title",
    "scorecard",
    "show_csv",
    "show_json",
    "show_text",
    "status_csv",
    "status_data",
    "status_text",
    "summary_counts",
    "units_csv",
    "units_data",
    "units_text",
    "whatif_csv",
    "whatif_data",
    "whatif_tables",
    "whatif_text",
]
