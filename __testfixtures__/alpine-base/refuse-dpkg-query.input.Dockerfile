FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# dpkg-query is not on Alpine: the RUN would fail there
RUN dpkg-query -W -f='${Version}' curl > /curl-version
CMD ["python", "-m", "http.server"]
