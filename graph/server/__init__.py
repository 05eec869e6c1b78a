"""uvicorn serving: the protocols with the perimeter's connection limits, and draining."""
