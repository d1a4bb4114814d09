"""The back office's Reports page: shared filters, one tab per report, exports to CSV, Excel and PDF."""
