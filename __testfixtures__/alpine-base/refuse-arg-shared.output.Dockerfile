ARG PY=3.12
FROM python:${PY}-slim AS build
RUN pip wheel --wheel-dir /wheels flask
FROM python:${PY}-slim
COPY --from=build /wheels /wheels
CMD ["python"]
