FROM scratch
RUN touch a && \
    test -f missing && \
    { touch b; touch c; } && \
    { touch d; touch e; }
