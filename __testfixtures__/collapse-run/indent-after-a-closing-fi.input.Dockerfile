FROM debian:12
RUN if [ "$(uname -m)" = "x86_64" ]; then \
        echo amd64 > /arch; \
    fi
RUN chmod 644 /arch
COPY x /x
RUN touch /a
RUN touch /b
CMD ["cat", "/arch"]
