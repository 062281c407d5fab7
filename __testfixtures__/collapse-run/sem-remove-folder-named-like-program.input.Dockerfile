FROM scratch
RUN mkdir -p cache/seq
RUN seq 2 > before
RUN rm -rf cache/seq
RUN seq 2 > after
