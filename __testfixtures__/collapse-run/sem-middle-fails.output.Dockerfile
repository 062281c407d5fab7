FROM scratch
RUN touch a && \
    { touch b; false; } && \
    touch c
