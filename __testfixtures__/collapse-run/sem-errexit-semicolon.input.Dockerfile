FROM scratch
RUN set -e; \
    mkdir out; \
    { echo one; echo two; } > out/list
RUN set -e; \
    touch out/a; \
    false; \
    touch out/never
RUN touch after
