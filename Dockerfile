# syntax=docker/dockerfile:1
# Health Metrics Hub: the dependencies come from requirements-runtime.lock (exact pins),
# then the project's own wheel without resolving anything again. compose.yaml runs it.

FROM python:3.11-slim AS wheel
WORKDIR /src
COPY pyproject.toml README.md ./
COPY domain ./domain
COPY persistence ./persistence
COPY graph ./graph
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements-runtime.lock /tmp/requirements-runtime.lock
RUN pip install --no-cache-dir -r /tmp/requirements-runtime.lock \
    && rm /tmp/requirements-runtime.lock
COPY --from=wheel /wheels /tmp/wheels
RUN pip install --no-cache-dir --no-deps /tmp/wheels/*.whl && rm -rf /tmp/wheels
RUN useradd --create-home --uid 10001 healthhub
USER healthhub
WORKDIR /home/healthhub
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
# Listening beyond loopback needs HEALTHHUB_API_TOKEN (serve refuses to start without it).
CMD ["healthhub", "serve", "--host", "0.0.0.0", "--port", "8000"]
