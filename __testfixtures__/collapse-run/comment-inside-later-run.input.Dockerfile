FROM debian:bookworm
RUN mkdir -p /app
RUN \
    # explain b
    touch /app/b
RUN \
  # one comment
      # another, indented its own way
    touch /app/c \
    # and one between commands
    && chmod 600 /app/c
