"""Pure shop rules: money, points ledger, tiers, campaigns, member cards. Stdlib only, no I/O."""
