"""Use cases of the shop: checkout, enrol, refund, adjust, expire, merge, import, export, sign-in."""
