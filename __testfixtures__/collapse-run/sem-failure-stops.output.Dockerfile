FROM scratch
RUN touch first && \
    false && \
    touch never
