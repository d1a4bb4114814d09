"""A realistic demo shop built through the services, like any other client of them."""
