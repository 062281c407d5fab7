FROM scratch
RUN mkdir m
RUN cd m && touch one
RUN touch two
RUN touch three && touch four
