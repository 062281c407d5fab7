ARG PY=3.12
FROM python:${PY}-slim AS build
RUN mkdir -p /wheels && echo flask > /wheels/requirements.txt
FROM python:${PY}-slim
COPY --from=build /wheels /wheels
CMD ["python"]
