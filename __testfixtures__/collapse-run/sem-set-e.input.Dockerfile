FROM scratch
RUN touch before
RUN set -o errexit; false; touch never
RUN touch after
