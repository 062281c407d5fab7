FROM scratch
SHELL ["/bin/sh", "-e", "-c"]
RUN touch a && touch b && \
    { false; touch never; }
RUN touch c
