FROM scratch
RUN set -e; \
    mkdir out; \
    { echo one; echo two; } > out/list; \
    set -e; \
    touch out/a; \
    false; \
    touch out/never; \
    touch after
