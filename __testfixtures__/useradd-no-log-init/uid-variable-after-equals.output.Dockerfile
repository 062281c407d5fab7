FROM python:3.12-slim
ARG APP_UID=1000
# The long options' values are attached with `=`, one of them a build argument.
RUN useradd --no-log-init --system --create-home --uid=$APP_UID --shell=/bin/sh app
USER app
CMD ["python", "-m", "http.server"]
