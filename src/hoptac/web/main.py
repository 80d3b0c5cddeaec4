"""The application object for ASGI servers: `uvicorn hoptac.web.main:app` serves $HOPTAC_DB."""

from hoptac.web.app import create_app

app = create_app()
