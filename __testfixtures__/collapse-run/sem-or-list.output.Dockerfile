FROM scratch
RUN false || touch fallback && \
    test -f fallback && printf yes > checked && \
    touch last
