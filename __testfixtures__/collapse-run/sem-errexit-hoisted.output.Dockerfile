FROM scratch
RUN set -eux; \
    mkdir out; \
    printf 'one\n' > out/list; \
    touch out/a; \
    cat out/list; \
    false; \
    touch out/never
RUN touch after
