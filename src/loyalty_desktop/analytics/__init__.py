"""Reports and models over sales and the ledger: KPIs, points liability (RFM, CLV, churn later)."""
