"""Web dashboard for hoptac."""
