FROM scratch
RUN mkdir out
RUN mkdir out/missing/deeper
RUN set -ex; \
    touch out/never
