FROM scratch
RUN touch before && touch also
RUN set -o errexit; false; touch never
RUN touch after
