# A SHELL instruction names ksh, which may replace itself with the program a variable no ENV sets names, as bash
# does: that program, maybe an init that must stay PID 1, is not known.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ksh && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/ksh", "-c"]
ENTRYPOINT $APP
