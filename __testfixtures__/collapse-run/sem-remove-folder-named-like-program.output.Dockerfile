FROM scratch
RUN mkdir -p cache/seq && \
    seq 2 > before && \
    rm -rf cache/seq && \
    seq 2 > after
