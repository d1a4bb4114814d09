"""Importing members and past sales from CSV files (all or nothing, every bad row reported).

Every row is checked first; a rejected row means nothing is written, unless
the caller asked to skip invalid rows, in which case the valid rows are
written and the rejected ones are still listed. Both are then written in
short transactions, so the tills keep selling (``import_members.py``,
``import_sales.py``).
"""

from __future__ import annotations

from loyalty_desktop.services.import_members import import_members
from loyalty_desktop.services.import_report import ImportReport
from loyalty_desktop.services.import_sales import import_sales

__all__ = ["ImportReport", "import_members", "import_sales"]
