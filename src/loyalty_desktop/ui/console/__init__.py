"""The back office: everything a manager or owner does away from the till, in the same window."""
