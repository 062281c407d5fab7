FROM scratch
RUN ( export PATH=/nowhere && echo exported ) && \
    mkdir made-with-path && \
    touch made-with-path/file
