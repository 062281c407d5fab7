FROM scratch
SHELL ["/bin/bash", "-c"]
RUN set -eux; \
    mkdir out; \
    printf 'one\n' > out/list; \
    touch out/a; \
    cat out/list
RUN echo "[$UNSET_NAME]" > out/unset && \
    { set -eu; touch out/b; }
RUN false | cat && \
    { set -eo pipefail; touch out/c; }
RUN ls out/missing || echo none && \
    { set -e; touch out/d; }
RUN set -e; mkdir out/missing/deeper; touch out/never
