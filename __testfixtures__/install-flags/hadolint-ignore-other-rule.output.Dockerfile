FROM python:3.12-slim
# hadolint ignore=DL3042
RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/* && pip install requests
# hadolint ignore=DL3015
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
CMD ["python"]
