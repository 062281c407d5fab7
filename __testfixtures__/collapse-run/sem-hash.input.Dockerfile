FROM scratch
RUN mkdir bin
RUN seq 2 > before
RUN printf '#!/bin/sh\necho replaced\n' > bin/seq && chmod +x bin/seq
RUN seq 2 > after
