FROM scratch
RUN printf 1 > one; false; printf 2 > two && \
    printf 3 > three && \
    { false; printf 4 > four; } && \
    { touch five; printf 6 > six; }
