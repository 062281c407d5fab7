FROM onerahmet/ffmpeg:n7.1 AS ffmpeg

FROM python:3.12-bookworm
ENV VENV=/app/.venv
RUN python3 -m venv $VENV && $VENV/bin/pip install --no-cache-dir fastapi==0.115.0 uvicorn==0.30.6
WORKDIR /app
COPY --from=ffmpeg /usr/local/bin/ffmpeg /usr/local/bin/ffmpeg
COPY app.py .
CMD ["/app/.venv/bin/uvicorn", "app:app", "--host", "0.0.0.0"]
