"""Things that leave the computer on paper: member cards (receipts later)."""
