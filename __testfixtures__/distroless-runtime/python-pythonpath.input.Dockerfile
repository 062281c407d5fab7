FROM python:3.13-trixie AS build
RUN pip install --target=/deps flask

FROM python:3.13-slim-trixie
COPY --from=build /deps /deps
ENV PYTHONPATH=/deps
COPY app.py /app.py
CMD ["python", "/app.py"]
