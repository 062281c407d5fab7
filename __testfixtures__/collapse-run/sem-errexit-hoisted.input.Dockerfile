FROM scratch
RUN mkdir out
RUN printf 'one\n' > out/list
RUN set -eux; \
    touch out/a; \
    cat out/list; \
    false; \
    touch out/never
RUN touch after
