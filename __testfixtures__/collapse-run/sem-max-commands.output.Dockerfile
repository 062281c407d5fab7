FROM scratch
RUN mkdir m && \
    cd m && touch one
RUN touch two && \
    touch three && touch four
