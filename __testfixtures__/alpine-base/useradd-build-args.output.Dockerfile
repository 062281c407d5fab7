FROM python:3.12-alpine
ARG user=joplin
ARG uid=1001
RUN addgroup -g "$uid" "$user" && adduser -D -s "${USER_SHELL}" -u "$uid" -G "$user" "$user"
USER $user
WORKDIR /home/$user
CMD ["python", "-m", "http.server"]
