FROM scratch
RUN mkdir sub && \
    ( cd sub && touch in-sub && pwd > ../inner ) && \
    touch at-top && \
    pwd > where
