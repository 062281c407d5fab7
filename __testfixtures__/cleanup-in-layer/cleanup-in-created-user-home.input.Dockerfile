FROM python:3.12-slim
RUN useradd --create-home --home-dir /opt/app app
WORKDIR /opt/app
USER app
RUN pip install --user -r requirements.txt
# The home useradd gave app: its pip cache, named by its path.
RUN rm -rf /opt/app/.cache/pip
COPY --chown=app . .
CMD ["python", "-m", "app"]
