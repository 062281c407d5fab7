FROM scratch
RUN touch before && \
    { set -o errexit; false; touch never; }
RUN touch after
