# An ENV names tini, which the shell-form CMD runs: an init already in the command, as `CMD /usr/bin/tini -- server` is.
FROM debian:bookworm-slim
ENV APP=/usr/bin/tini
CMD $APP -- server
