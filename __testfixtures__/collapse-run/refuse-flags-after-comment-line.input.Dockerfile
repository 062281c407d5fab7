FROM python:3.12-slim
RUN echo start
RUN \
  # keep the pip cache between builds
  --mount=type=cache,target=/root/.cache/pip \
  pip install requests
CMD ["python", "-m", "app"]
