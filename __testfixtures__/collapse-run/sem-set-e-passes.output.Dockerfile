FROM scratch
RUN mkdir out && touch out/first && \
    { set -eux; cd out; touch inside; }
RUN touch outside && \
    chmod 700 out
