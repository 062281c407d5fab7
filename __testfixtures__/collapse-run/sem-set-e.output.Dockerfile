FROM scratch
RUN touch before && touch also && \
    { set -o errexit; false; touch never; }
RUN touch after
