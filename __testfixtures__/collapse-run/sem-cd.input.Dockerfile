FROM scratch
RUN mkdir sub
RUN cd sub && touch in-sub && pwd > ../inner
RUN touch at-top
RUN pwd > where
