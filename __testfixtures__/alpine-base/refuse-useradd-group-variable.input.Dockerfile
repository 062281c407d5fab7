FROM python:3.12-slim
ARG user=joplin
RUN useradd --create-home --gid $group $user
USER $user
CMD ["python", "-m", "http.server"]
