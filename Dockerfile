# quoteattr as an HTTP service: docker build -t quoteattr . && docker run -p 8000:8000 quoteattr
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /build
COPY pyproject.toml README.md LICENSE ./
COPY quoteattr ./quoteattr
RUN pip install '.[server]' && cd / && rm -rf /build \
    && useradd --create-home --shell /usr/sbin/nologin quoteattr

USER quoteattr
WORKDIR /home/quoteattr
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/health', timeout=4)"]
CMD ["quoteattr", "serve", "--host", "0.0.0.0", "--port", "8000"]
