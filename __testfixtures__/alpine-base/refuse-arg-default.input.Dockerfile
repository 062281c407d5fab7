ARG PY=3.12
ARG FLAVOUR=slim
FROM python:${PY}-${FLAVOUR}
CMD ["python"]
