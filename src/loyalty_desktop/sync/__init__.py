"""The store's side of talking to the central server (HTTP client); the pump itself is services/sync.py."""
