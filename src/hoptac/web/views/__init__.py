"""What the dashboard and the API show, as JSON-ready dicts computed from the store: one module per view."""
