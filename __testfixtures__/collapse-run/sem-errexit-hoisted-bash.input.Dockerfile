FROM scratch
SHELL ["/bin/bash", "-c"]
RUN mkdir out
RUN printf 'one\n' > out/list
RUN set -eux; \
    touch out/a; \
    cat out/list
RUN echo "[$UNSET_NAME]" > out/unset
RUN set -eu; touch out/b
RUN false | cat
RUN set -eo pipefail; touch out/c
RUN ls out/missing || echo none
RUN set -e; touch out/d
RUN mkdir out/missing/deeper
RUN set -e; touch out/never
