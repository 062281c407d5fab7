FROM scratch
RUN set -ex; \
    mkdir out; \
    mkdir out/missing/deeper; \
    touch out/never
