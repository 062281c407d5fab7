FROM scratch
RUN mkdir bin && \
    ( seq 2 > before ) && \
    printf '#!/bin/sh\necho replaced\n' > bin/seq && chmod +x bin/seq && \
    seq 2 > after
