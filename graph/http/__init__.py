"""The HTTP perimeter: the ASGI app, its middleware stack, the dashboard's and GraphiQL's assets."""
