FROM scratch
RUN ( export PATH=/nowhere ) && \
    mkdir made-with-path && \
    touch made-with-path/file
