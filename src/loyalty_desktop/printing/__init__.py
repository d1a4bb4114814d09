"""Things that leave the computer on paper: member cards and receipts."""
