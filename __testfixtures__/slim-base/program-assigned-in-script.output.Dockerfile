FROM python:3.12-slim
ENV VIRTUAL_ENV=/opt/venv
RUN python -m venv "$VIRTUAL_ENV"
WORKDIR /app
COPY app.py entrypoint.sh ./
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["python", "-m", "app"]
