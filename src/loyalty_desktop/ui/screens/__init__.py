"""The application's screens: sign-in, first start, checkout."""
