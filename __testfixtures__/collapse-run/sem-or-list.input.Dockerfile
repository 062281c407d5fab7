FROM scratch
RUN false || touch fallback
RUN test -f fallback && printf yes > checked
RUN touch last
