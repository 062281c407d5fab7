FROM python:3.12-slim
ARG user=joplin
ARG uid=1001
RUN useradd --create-home --uid "$uid" --shell=${USER_SHELL} $user
USER $user
WORKDIR /home/$user
CMD ["python", "-m", "http.server"]
